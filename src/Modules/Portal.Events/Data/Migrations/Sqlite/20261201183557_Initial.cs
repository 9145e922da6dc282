using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Events.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EventRegistrations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentItemId = table.Column<string>(type: "TEXT", maxLength: 26, nullable: false),
                    SessionIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SessionEndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedTerms = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Needs = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Culture = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReminderSentUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRegistrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EventSessionSeats",
                columns: table => new
                {
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SessionIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Taken = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventSessionSeats", x => new { x.EventKey, x.SessionIndex });
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_EventKey_SessionIndex_Status",
                table: "EventRegistrations",
                columns: new[] { "EventKey", "SessionIndex", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EventRegistrations_SessionEndUtc",
                table: "EventRegistrations",
                column: "SessionEndUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventRegistrations");

            migrationBuilder.DropTable(
                name: "EventSessionSeats");
        }
    }
}
