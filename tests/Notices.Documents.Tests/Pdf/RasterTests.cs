using System.Diagnostics;
using System.Text;
using Notices.Documents.Pdf;
using Notices.Documents.Tests.Fonts;

namespace Notices.Documents.Tests.Pdf;

/// <summary>
/// Pages turned into pixels by poppler (another PDF reader than the one the other tests
/// use): the head is red, the text is black ink where the text block is.
/// </summary>
public sealed class RasterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("notices-raster-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [ToolFact("pdftoppm", "poppler-utils")]
    public void FirstPage_ShowsARedHead_AndBlackTextBelowIt()
    {
        var pdf = Path.Combine(_folder, "bulletin.pdf");
        using (var file = File.Create(pdf))
        {
            new PdfWriter(TestFonts.System).Write(SampleBulletin.Create(), file);
        }

        var image = Rasterise(pdf, page: 1);

        // At 30 dpi an A4 page is 248 × 351 pixels; the issuer mark sits about 72 mm down
        // (85 px), the body from about 130 mm (150 px) on.
        var head = image.Count(0, 60, image.Width, 110, IsRed);
        var body = image.Count(0, 150, image.Width, 330, IsInk);
        Assert.True(head > 150, $"{head} red pixels in the head");
        Assert.True(body > 1000, $"{body} ink pixels in the body");
        Assert.Equal(0, image.Count(0, 150, image.Width, 330, IsRed));
    }

    private static bool IsRed(byte r, byte g, byte b) => r > 150 && g < 100 && b < 100;

    private static bool IsInk(byte r, byte g, byte b) => r < 200 && g < 200 && b < 200 && Math.Abs(r - g) < 40;

    private Pixmap Rasterise(string pdf, int page)
    {
        var prefix = Path.Combine(_folder, "page");
        var start = new ProcessStartInfo("pdftoppm")
        {
            ArgumentList = { "-r", "30", "-f", $"{page}", "-l", $"{page}", "-singlefile", pdf, prefix },
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return Pixmap.ReadPpm(File.ReadAllBytes(prefix + ".ppm"));
    }

    private sealed record Pixmap(int Width, int Height, byte[] Rgb)
    {
        // Binary PPM (P6): a text header "P6 width height 255" and then RGB triples.
        public static Pixmap ReadPpm(byte[] bytes)
        {
            var fields = new List<string>();
            var at = 0;
            while (fields.Count < 4)
            {
                while (char.IsWhiteSpace((char)bytes[at]))
                {
                    at++;
                }

                var start = at;
                while (!char.IsWhiteSpace((char)bytes[at]))
                {
                    at++;
                }

                fields.Add(Encoding.ASCII.GetString(bytes, start, at - start));
            }

            Assert.Equal("P6", fields[0]);
            var width = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
            var height = int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
            return new Pixmap(width, height, bytes[(at + 1)..]);
        }

        public int Count(int left, int top, int right, int bottom, Func<byte, byte, byte, bool> test)
        {
            var count = 0;
            for (var y = top; y < Math.Min(bottom, Height); y++)
            {
                for (var x = left; x < Math.Min(right, Width); x++)
                {
                    var i = 3 * ((y * Width) + x);
                    if (test(Rgb[i], Rgb[i + 1], Rgb[i + 2]))
                    {
                        count++;
                    }
                }
            }

            return count;
        }
    }
}
