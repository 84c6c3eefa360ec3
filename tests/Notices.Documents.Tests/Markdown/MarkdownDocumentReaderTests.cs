using Notices.Core;
using Notices.Documents.Markdown;
using Notices.Documents.Model;

namespace Notices.Documents.Tests.Markdown;

public sealed class MarkdownDocumentReaderTests
{
    private const string Source = """
        ---
        issuer: 示例区人民政府办公室文件
        number: 示政办发〔2021〕12号
        recipients: [各街道办事处]
        signature: 示例区人民政府办公室
        date: 2021年6月25日
        copy_to: [区委办公室, 区政协办公室]
        printed_by: 示例区人民政府办公室
        printed_date: 2021年6月25日
        ---
        # 关于考核情况的通报

        正文第一段，**加粗**部分。

        ## 一、考核结果

        ### （一）总体情况

        #### 1. 具体情况

        | 排名 | 单位 |
        |:---:|:---|
        | 1 | 城关 |

        附件：考核得分表

        ::: 附件 landscape
        # 考核得分表

        [[考核表]]
        :::
        """;

    private static MarkdownDocumentReader Reader() => new(new Dictionary<string, Func<IReadOnlyList<Block>>>
    {
        ["考核表"] = () => [new Table([1, 1], [new TableRow([TableCell.Of("甲"), TableCell.Of("乙")])])],
    });

    [Fact]
    public void Markdown_MapsToOfficialRoles()
    {
        var document = Reader().Read(Source, "t.md", draft: false);

        var roles = document.Body.OfType<Paragraph>().Select(p => p.Role).ToList();
        Assert.Equal(
        [
            ParagraphRole.Title, ParagraphRole.Recipient, ParagraphRole.Body, ParagraphRole.Heading1,
            ParagraphRole.Heading2, ParagraphRole.Heading3, ParagraphRole.AttachmentNote,
        ], roles);
        Assert.Equal("各街道办事处：", document.Body.OfType<Paragraph>().ElementAt(1).Text);
        Assert.Contains(document.Body.OfType<Paragraph>().SelectMany(p => p.Runs), r => r.Bold && r.Text == "加粗");
        Assert.Single(document.Body.OfType<Table>());
    }

    [Fact]
    public void FrontMatter_FillsHeadSignatureAndImprint()
    {
        var document = Reader().Read(Source, "t.md", draft: true);

        Assert.Equal("示例区人民政府办公室文件", document.Head!.IssuerMark);
        Assert.Equal("示政办发〔2021〕12号", document.Head.Number);
        Assert.Equal("2021年6月25日", document.Date);
        Assert.Equal("抄送：区委办公室，区政协办公室。", document.Imprint!.CopyLine);
        Assert.Equal("关于考核情况的通报", document.Metadata.Title);
        Assert.True(document.IsDraft);
    }

    [Fact]
    public void AttachmentContainer_BecomesALandscapeAttachmentWithTheNamedBlock()
    {
        var document = Reader().Read(Source, "t.md", draft: false);

        var attachment = Assert.Single(document.Attachments);
        Assert.Equal("附件", attachment.Label);
        Assert.Equal("考核得分表", attachment.Title);
        Assert.True(attachment.Landscape);
        Assert.IsType<Table>(Assert.Single(attachment.Blocks));
    }

    [Fact]
    public void UnknownNamedBlock_IsAProblemOnItsLine()
    {
        var text = "---\nissuer: x\n---\n# 标题\n\n[[不存在]]\n";

        var e = Assert.Throws<ProblemException>(() => Reader().Read(text, "q3.md", draft: false));

        Assert.Equal(6, e.Problems[0].Line);
        Assert.Contains("[[考核表]]", e.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltFrontMatterKey_IsAProblem()
    {
        var text = "---\nisuer: x\n---\n# 标题\n";

        var e = Assert.Throws<ProblemException>(() => Reader().Read(text, "q3.md", draft: false));

        Assert.Contains("isuer", e.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal(2, e.Problems[0].Line);
    }
}
