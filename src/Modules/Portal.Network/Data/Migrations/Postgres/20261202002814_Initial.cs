using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Network.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NetworkContacts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SenderId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RecipientId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkContacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NetworkEntryDetails",
                columns: table => new
                {
                    EntrySet = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OrientationProcedure = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReferralFormUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EligibilityCriteria = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReferentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReferentPhone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    WaitingTime = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkEntryDetails", x => x.EntrySet);
                });

            migrationBuilder.CreateTable(
                name: "NetworkProfessionals",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    OrganisationId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Side = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Languages = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Expertise = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PublicFields = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    InvitedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkProfessionals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkContacts_SenderId_SentUtc",
                table: "NetworkContacts",
                columns: new[] { "SenderId", "SentUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkProfessionals_Status_CreatedUtc",
                table: "NetworkProfessionals",
                columns: new[] { "Status", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkProfessionals_UserId",
                table: "NetworkProfessionals",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NetworkContacts");

            migrationBuilder.DropTable(
                name: "NetworkEntryDetails");

            migrationBuilder.DropTable(
                name: "NetworkProfessionals");
        }
    }
}
