using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Events.Data.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    EventKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentItemId = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    SessionIndex = table.Column<int>(type: "integer", nullable: false),
                    SessionStartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SessionEndUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Seats = table.Column<int>(type: "integer", nullable: false),
                    NeedTerms = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Needs = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConfirmedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReminderSentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRegistrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EventSessionSeats",
                columns: table => new
                {
                    EventKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SessionIndex = table.Column<int>(type: "integer", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Taken = table.Column<int>(type: "integer", nullable: false)
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
