using System.Globalization;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MimeKit;
using Portal.Core.BackgroundTasks;
using Portal.Core.Data;

namespace Portal.Core.Mail;

/// <summary>
/// A message to send: plain text, in the recipient's language; <c>ReplyTo</c> is where the recipient's answer goes (a third
/// person's address, never shown in the text). <c>HtmlBody</c> adds an HTML alternative to the text; <c>UnsubscribeUrl</c>
/// (a list's mail) adds the <c>List-Unsubscribe</c> and one-click <c>List-Unsubscribe-Post</c> headers of RFC 8058.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string Body, string Culture = "fr", string? ToName = null, string? ReplyTo = null, string? ReplyToName = null,
    string? HtmlBody = null, string? UnsubscribeUrl = null);

/// <summary>
/// Mail goes through the durable background-task table (the outbox): queued in the caller's unit of work, so a message
/// exists exactly when the change that caused it was saved; sent later with retries, so a failing server loses nothing.
/// </summary>
public interface IMailQueue
{
    void Enqueue(OutgoingMail mail);
}

public sealed class MailQueue(IBackgroundTaskQueue tasks) : IMailQueue
{
    public const string TaskName = "mail.send";

    public void Enqueue(OutgoingMail mail) => tasks.Enqueue(TaskName, JsonSerializer.Serialize(mail));
}

/// <summary>Portal:Smtp: Host, Port (587), User, Password, From, FromName, Security (StartTls, SslOnConnect, None).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "no-reply@portal.localhost";
    public string FromName { get; set; } = "Portal";
    public string Security { get; set; } = "StartTls";
}

/// <summary>
/// Sends a queued message with MailKit when Portal:Smtp:Host is set; otherwise writes it as an .eml file under
/// {DataDirectory}/mail (a pickup folder), which any mail client opens.
/// </summary>
public sealed class MailSender(IConfiguration configuration, DatabaseOptions database, TimeProvider clock, ILogger<MailSender> logger) : IBackgroundTaskHandler
{
    public string Name => MailQueue.TaskName;

    public TimeSpan? RetryDelay(int attempts) => MailRetry.Delay(attempts);

    public string PickupDirectory => Path.Combine(database.DataDirectory, "mail");

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var mail = JsonSerializer.Deserialize<OutgoingMail>(payload) ?? throw new InvalidDataException("Empty mail payload.");
        var options = configuration.GetSection("Portal:Smtp").Get<SmtpOptions>() ?? new SmtpOptions();
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(new MailboxAddress(mail.ToName ?? "", mail.To));
        if (!string.IsNullOrWhiteSpace(mail.ReplyTo)) message.ReplyTo.Add(new MailboxAddress(mail.ReplyToName ?? "", mail.ReplyTo));
        message.Subject = mail.Subject;
        message.Date = clock.GetUtcNow();
        message.Headers.Add(HeaderId.ContentLanguage, mail.Culture);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (!string.IsNullOrWhiteSpace(mail.UnsubscribeUrl))
        {
            message.Headers.Add("List-Unsubscribe", $"<{mail.UnsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var text = new TextPart("plain") { Text = mail.Body };
        message.Body = string.IsNullOrEmpty(mail.HtmlBody) ? text : new MultipartAlternative { text, new TextPart("html") { Text = mail.HtmlBody } };

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            System.IO.Directory.CreateDirectory(PickupDirectory);
            var name = $"{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.eml";
            var temporary = Path.Combine(PickupDirectory, name + ".tmp");
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, Path.Combine(PickupDirectory, name));
            logger.LogInformation("Mail \"{Subject}\" to {To} written to the pickup folder as {File}", mail.Subject, mail.To, name);
            return;
        }
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(options.Security, true, out var s) ? s : SecureSocketOptions.StartTls;
        await client.ConnectAsync(options.Host, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.User)) await client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        logger.LogInformation("Mail \"{Subject}\" sent to {To}", mail.Subject, mail.To);
    }
}
