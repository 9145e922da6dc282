using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Events.Data.Migrations.Postgres
{
    /// <summary>Registrations remember when they were told of a postponement, so that it is told once.</summary>
    [DbContext(typeof(PostgresEventsDbContext))]
    [Migration("20261201210010_PostponedNotice")]
    public partial class PostponedNotice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PostponedNoticeUtc",
                table: "EventRegistrations",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PostponedNoticeUtc",
                table: "EventRegistrations");
        }
    }
}
