using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Embed.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Embed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmbedUsage",
                columns: table => new
                {
                    WidgetId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Week = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Loads = table.Column<int>(type: "INTEGER", nullable: false),
                    Searches = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmbedUsage", x => new { x.WidgetId, x.Week });
                });

            migrationBuilder.CreateTable(
                name: "EmbedWidgets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Display = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    SearchBox = table.Column<bool>(type: "INTEGER", nullable: false),
                    Facets = table.Column<bool>(type: "INTEGER", nullable: false),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PageSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Palette = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NewTab = table.Column<bool>(type: "INTEGER", nullable: false),
                    Origins = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmbedWidgets", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmbedUsage");

            migrationBuilder.DropTable(
                name: "EmbedWidgets");
        }
    }
}
