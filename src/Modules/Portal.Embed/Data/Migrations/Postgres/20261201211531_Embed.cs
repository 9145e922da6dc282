using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Embed.Data.Migrations.Postgres
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
                    WidgetId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Week = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Loads = table.Column<int>(type: "integer", nullable: false),
                    Searches = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmbedUsage", x => new { x.WidgetId, x.Week });
                });

            migrationBuilder.CreateTable(
                name: "EmbedWidgets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Query = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Display = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    SearchBox = table.Column<bool>(type: "boolean", nullable: false),
                    Facets = table.Column<bool>(type: "boolean", nullable: false),
                    Culture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PageSize = table.Column<int>(type: "integer", nullable: false),
                    Palette = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NewTab = table.Column<bool>(type: "boolean", nullable: false),
                    Origins = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
