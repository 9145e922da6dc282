using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using Portal.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Portal.Tests.ImportExport;

/// <summary>
/// A small .xlsx that unpacks into huge texts (a "zip bomb") is refused at upload with a reason, costs little memory and
/// leaves nothing behind; a good workbook is read once, at upload.
/// </summary>
public sealed class WorkbookLimitTests(ITestOutputHelper output)
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A one-sheet workbook; the sheet's rows and the shared strings are written by the callers, as streams.</summary>
    private static byte[] Workbook(Action<StreamWriter> sheetRows, Action<StreamWriter>? sharedStrings = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, Action<StreamWriter> write)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 16);
                write(writer);
            }
            Part("[Content_Types].xml", w => w.Write($"""
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                {(sharedStrings is null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")}</Types>
                """));
            Part("_rels/.rels", w => w.Write("""
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """));
            Part("xl/workbook.xml", w => w.Write($"""
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="Actions" sheetId="1" r:id="rId1"/></sheets></workbook>
                """));
            Part("xl/_rels/workbook.xml.rels", w => w.Write($"""
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                {(sharedStrings is null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")}</Relationships>
                """));
            Part("xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>");
                sheetRows(w);
                w.Write("</sheetData></worksheet>");
            });
            if (sharedStrings is not null)
                Part("xl/sharedStrings.xml", w =>
                {
                    w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">");
                    sharedStrings(w);
                    w.Write("</sst>");
                });
        }
        return buffer.ToArray();
    }

    private static void Repeat(StreamWriter writer, char c, long count)
    {
        var chunk = new string(c, 1 << 16);
        for (long written = 0; written < count; written += chunk.Length) writer.Write(chunk.AsSpan(0, (int)Math.Min(chunk.Length, count - written)));
    }

    private static void Header(StreamWriter w) => w.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Nom</t></is></c><c r=\"B1\" t=\"s\"><v>0</v></c></row>");

    public static TheoryData<string, string> Bombs => new()
    {
        // One text of 150 million characters: the shared strings part unpacks past its limit.
        { "one huge text", "La partie xl/sharedStrings.xml de ce classeur se décompresse en plus de 100 Mo" },
        // A thousand texts of 30,000 characters: each fits in a cell, together they pass the limit.
        { "many long texts", "Les textes de ce classeur comptent ensemble plus de 20000000 caractères" },
        // One text longer than a spreadsheet cell.
        { "a text longer than a cell", "Un texte de ce classeur dépasse 32767 caractères" },
        // A cell of 50,000 characters written in the sheet itself.
        { "a cell longer than a cell", "La cellule B2 (ligne 2) contient plus de 32767 caractères" },
        // One 30,000-character text referred to by 20,000 cells: 600 million characters once read.
        { "a text referred to by every cell", "La première feuille contient plus de 30000000 caractères" },
    };

    private static byte[] Bomb(string kind) => kind switch
    {
        "one huge text" => Workbook(Header, w => { w.Write("<si><t>"); Repeat(w, 'A', 150_000_000); w.Write("</t></si>"); }),
        "many long texts" => Workbook(Header, w => { for (var i = 0; i < 1000; i++) { w.Write("<si><t>"); Repeat(w, (char)('A' + i % 26), 30_000); w.Write("</t></si>"); } }),
        "a text longer than a cell" => Workbook(Header, w => { w.Write("<si><t>"); Repeat(w, 'B', 40_000); w.Write("</t></si>"); }),
        "a cell longer than a cell" => Workbook(w => { Header(w); w.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>"); Repeat(w, 'C', 50_000); w.Write("</t></is></c></row>"); },
            w => w.Write("<si><t>Structure</t></si>")),
        "a text referred to by every cell" => Workbook(w =>
        {
            Header(w);
            for (var r = 2; r < 20_002; r++)
            {
                w.Write($"<row r=\"{r}\">");
                for (var c = 0; c < 2; c++) w.Write($"<c t=\"s\"><v>1</v></c>");
                w.Write("</row>");
            }
        }, w => { w.Write("<si><t>Structure</t></si><si><t>"); Repeat(w, 'D', 30_000); w.Write("</t></si>"); }),
        _ => throw new ArgumentException(kind),
    };

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient browser, string name, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await browser.TokenAsync("/admin/import")), "__RequestVerificationToken");
        form.Add(new StringContent("Action"), "type");
        form.Add(new ByteArrayContent(bytes), "file", name);
        return await browser.PostAsync("/admin/import", form);
    }

    [Theory, MemberData(nameof(Bombs))]
    public async Task A_workbook_that_unpacks_past_the_limits_is_refused_at_upload_and_costs_little_memory(string kind, string expected)
    {
        using var factory = new PortalFactory();
        using var browser = factory.CreateBrowser();
        await browser.SignInAsync();
        var bomb = Bomb(kind);
        bomb.Length.Should().BeLessThan(200 * 1024, "a bomb is a small file");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(5);
            }
        });

        var response = await UploadAsync(browser, "bombe.xlsx", bomb);
        var html = Browser.Decode(await response.Content.ReadAsStringAsync());
        await stop.CancelAsync();
        await sampler;
        var managedPeak = GC.GetTotalMemory(forceFullCollection: false) - managedBefore;
        output.WriteLine($"{kind}: {bomb.Length / 1024.0:0.0} KB file; working set {baseline / 1048576.0:0} MB, peak +{(peak - baseline) / 1048576.0:0} MB; managed +{managedPeak / 1048576.0:0} MB after");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        html.Should().Contain(expected);
        var imports = Path.Combine(factory.DataDirectory, "imports");
        (System.IO.Directory.Exists(imports) ? System.IO.Directory.GetFileSystemEntries(imports) : []).Should().BeEmpty("nothing is kept of a refused file");
        (peak - baseline).Should().BeLessThan(300L * 1024 * 1024, "reading stops at the first limit passed");
    }

    [Fact]
    public async Task A_good_workbook_is_read_once_at_upload()
    {
        using var factory = new PortalFactory();
        using var browser = factory.CreateBrowser();
        await browser.SignInAsync();
        var workbook = Workbook(w =>
        {
            w.Write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>");
            w.Write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>Marche nordique</t></is></c><c r=\"B2\" t=\"s\"><v>2</v></c></row>");
        }, w => w.Write("<si><t>Nom</t></si><si><r><t>Struc</t></r><r><t>ture</t></r><rPh><t>x</t></rPh></si><si><t xml:space=\"preserve\">Club des remparts </t></si>"));

        var uploaded = await UploadAsync(browser, "actions.xlsx", workbook);
        uploaded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = uploaded.Headers.Location!.OriginalString;
        // The page works from what was read at upload: the file itself is not opened again.
        // (An import job may already have removed its working folder; ImportJobTests also corrupts the copy kept in the database.)
        var folder = Path.Combine(factory.DataDirectory, "imports", page[(page.LastIndexOf('/') + 1)..]);
        System.IO.Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "file.xlsx"), [1, 2, 3]);

        // The analysis runs as a background job: wait for its stored report.
        var html = "";
        for (var i = 0; i < 300 && !html.Contains("Marche nordique"); i++)
        {
            if (i > 0) await Task.Delay(200);
            html = Browser.Decode(await browser.GetStringAsync(page));
        }
        html.Should().Contain("classeur Excel, feuille « Actions »").And.Contain("Structure").And.Contain("Marche nordique").And.NotContain("n'a pas pu être lu");
        (await browser.GetAsync(page + "/report.csv")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>Writes <paramref name="size"/> as the unpacked size the zip declares for <paramref name="part"/> (local header and central directory).</summary>
    private static byte[] DeclareSize(byte[] zip, string part, uint size)
    {
        var name = Encoding.ASCII.GetBytes(part);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var signature = BitConverter.ToUInt32(zip, i);
            if (signature == 0x04034b50 && zip.AsSpan(i + 30, name.Length).SequenceEqual(name)) BitConverter.TryWriteBytes(zip.AsSpan(i + 22), size);
            if (signature == 0x02014b50 && zip.AsSpan(i + 46, name.Length).SequenceEqual(name)) BitConverter.TryWriteBytes(zip.AsSpan(i + 24), size);
        }
        return zip;
    }

    [Fact]
    public async Task A_workbook_that_understates_its_unpacked_size_is_refused_too()
    {
        using var factory = new PortalFactory();
        using var browser = factory.CreateBrowser();
        await browser.SignInAsync();
        var bomb = DeclareSize(Bomb("one huge text"), "xl/sharedStrings.xml", 1000);

        var response = await UploadAsync(browser, "bombe.xlsx", bomb);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = System.Text.RegularExpressions.Regex.Match(Browser.Decode(await response.Content.ReadAsStringAsync()), "id=\"file-error\">([^<]+)<").Groups[1].Value;
        output.WriteLine(error);
        error.Should().NotBeEmpty();
        var imports = Path.Combine(factory.DataDirectory, "imports");
        (System.IO.Directory.Exists(imports) ? System.IO.Directory.GetFileSystemEntries(imports) : []).Should().BeEmpty();
    }
}
