using Notices.Documents.Model;

namespace Notices.Documents.Tests.Pdf;

/// <summary>
/// A half-year bulletin as the renderer makes it: 版头, title, 主送, body with the three
/// heading levels, the ranking, the 附件 line, signature and date, the scored seed table on
/// landscape pages, and the 版记.
/// </summary>
internal static class SampleBulletin
{
    public static readonly (string Unit, string Score, int Rank)[] Results =
    [
        ("城关", "98.6", 1),
        ("新华", "95.2", 2),
        ("兴达", "91.7", 3),
        ("昌盛", "87.4", 4),
    ];

    public const string Title = "关于2021年上半年街道办事处居住小区管理工作考核情况的通报";

    public static OfficialDocument Create(bool draft = false)
    {
        var body = new List<Block>
        {
            Paragraph.Of(ParagraphRole.Title, Title),
            Paragraph.Of(ParagraphRole.Recipient, "各街道办事处："),
            Paragraph.Of(ParagraphRole.Body,
                "根据《大连市居住小区管理工作考核办法》"
                + "和《2021年度街道办事处（乡镇政府）居住小区管理工作考核表》，区住"
                + "房城乡建设局对各街道办事处2021年上半年居住小区管理工作进行了考核。"
                + "考核截至2021年6月25日，范围为各街道办事处应于该日前完成的考核事项。"
                + "现将考核情况通报如下。"),
            Paragraph.Of(ParagraphRole.Heading1, "一、考核结果"),
        };
        body.Add(Paragraph.Of(ParagraphRole.Body,
            "本次考核满分100分。" + string.Join("；", Results.Select(r =>
                $"{r.Unit}街道办事处得分{r.Score}分，排名第{r.Rank}")) + "。平均得分93.2分。"));
        body.Add(Paragraph.Of(ParagraphRole.Heading2, "（一）主要扣分情况"));
        body.Add(Paragraph.Of(ParagraphRole.Body,
            "昌盛街道办事处未按时报送《大连市物业服务综合系统住宅项目信息采"
            + "集统计表》，扣1分；未录入基本信息的物业服务企业3个，扣0.9分。"
            + "兴达街道办事处对列入考核范围的项目未及时考核并赋分2项，扣0.8分。"
            + "新华街道办事处信访投诉未属地化办结1件，扣0.7分。"));
        body.Add(Paragraph.Of(ParagraphRole.Heading2, "（二）工作要求"));
        body.Add(new Paragraph(ParagraphRole.Heading3, [new Run("1.", true), new Run("抓好整改落实。", true)]));
        for (var i = 0; i < 4; i++)
        {
            body.Add(Paragraph.Of(ParagraphRole.Body,
                "各街道办事处要对照考核标准，逐项查找工作中存在的问题，"
                + "明确整改时限和责任人，于2021年7月10日前将整改情况报区住房"
                + "城乡建设局。对失分较多的单位，要认真分析原因，举一反三，"
                + "切实把居住小区管理工作抓实抓细，确保全年考核任务按期完成。"));
        }

        body.Add(Paragraph.Of(ParagraphRole.AttachmentNote,
            "附件：2021年上半年街道办事处居住小区管理工作考核得分表"));

        return new OfficialDocument
        {
            Metadata = new DocumentMetadata(
                Title, "2021年上半年居住小区管理工作考核", "示例区人民政府办公室",
                ["考核通报", "居住小区管理"], draft),
            Head = new DocumentHead("示例区人民政府办公室文件", "示政办发〔2021〕12号"),
            Body = body,
            Signature = "示例区人民政府办公室",
            Date = "2021年6月25日",
            Attachments =
            [
                new Attachment("附件", "2021年上半年街道办事处居住小区管理工作考核得分表",
                    [ScoreTable()], Landscape: true),
            ],
            Imprint = new Imprint(
                ["区委办公室", "区人大常委会办公室", "区政协办公室", "市住房城乡建设局"],
                "示例区人民政府办公室", "2021年6月25日"),
        };
    }

    /// <summary>Three categories of the seed table, category cells merged over their items.</summary>
    public static Table ScoreTable()
    {
        var rows = new List<TableRow>
        {
            new([
                Header("序号", rowSpan: 2), Header("考核工作（分数）", rowSpan: 2),
                Header("时间节点", rowSpan: 2), Header("考核内容", rowSpan: 2),
                Header("评分办法", rowSpan: 2), Header("各街道得分", columnSpan: 4),
            ]),
            new(Results.Select(r => Header(r.Unit)).ToList()),
        };

        AddCategory(rows, "1", "市住房城乡建设局对街道办事处（乡镇政府）"
            + "居住小区管理工作进行考核（满分20分）",
        [
            ("5.10", "按照《大连市居住小区管理工作考核办法》"
                + "中的《街道办事处（乡镇政府）居住小区管理工作考核标准》"
                + "和本通知制定的考核指标及要求，制定2021年街道（乡镇）"
                + "居住小区管理考核方案，并以辖区政府正式文件印发。（满分4分）",
                "5月10日前报送不扣分，5月10日后报送扣2分；未制定或未报送扣4分。"),
            ("6.25", "完成街道办事处（乡镇政府）的半年考核，在市政府网站公示考核结"
                + "果，并以辖区政府名义印发考核通报。（满分4分）",
                "6月25日前报送不扣分，6月25日后报送扣2分；未报送扣4分。"),
            ("9.25", "完成街道办事处（乡镇政府）的第三季度考核，在市政府网站公示考核"
                + "结果，并以辖区政府名义印发考核通报。（满分4分）",
                "9月25日前报送不扣分，9月25日后报送扣2分；未报送扣4分。"),
            ("12.25", "完成街道办事处（乡镇政府）的全年考核，在市政府网站公示考核结"
                + "果，并以辖区政府名义印发考核通报。（满分4分）",
                "12月25日前报送不扣分，12月25日后报送扣2分；未报送或未公示扣4分。"),
            ("每季度末", "市住房城乡建设局根据有关文件和制定的考核方案，结合日常"
                + "受理信访投诉情况，对街道办事处（乡镇政府）的考核工作进行监督，"
                + "对列入考核范围并进行考核的项目及时考核并赋分。（满分4分）",
                "应列入考核范围并进行考核的项目未及时考核并赋分的，发现一项扣0.4分，"
                + "最多扣4分。"),
        ]);
        AddCategory(rows, "2", "推进物业服务企业和项目经理信用体系建设（满分24分）",
        [
            ("4.25", "完成辖区住宅项目及物业服务企业基本信息采集录入工作，"
                + "将未录入基本信息的物业服务企业记入不良行为记录。"
                + "报送大连市物业服务综合系统住宅项目信息采集统计表。（满分6分）",
                "4月25日前报送不扣分，4月25日后报送扣1分；未报送扣6分。未录入基本信息"
                + "一个扣0.3分，未记入不良行为记录的一个扣0.3分，本项最多扣6分。"),
            ("6.25", "组织辖区内非住宅物业服务项目的物业服务企业、项目完成基本信息"
                + "录入工作，将未进行基本信息录入的物业服务企业记入不良行为记录。"
                + "上报大连市物业服务综合系统非住宅项目信息采集统计表。（满分6分）",
                "6月25日前报送不扣分，6月25日后报送扣1分，未报送扣6分。"
                + "未记入不良行为记录的一个扣0.3分，最多扣6分。"),
            ("6.25", "组织街道办事处（乡镇政府）及时记录不良行为信息，"
                + "及时审核业绩信息申报和基本信息变更。"
                + "报送大连市物业服务综合系统不良信息采集统计表。（满分6分）",
                "6月25日前报送不扣分，6月25日后报送扣1分，未报送扣6分。对调查核实存在"
                + "其他不良信息但未及时录入的，一条信息扣0.5分，本项总计最多扣6分。"),
            ("12.25", "组织街道办事处（乡镇政府）及时记录不良行为信息，"
                + "及时审核业绩信息申报和基本信息变更。"
                + "报送大连市物业服务综合系统不良信息采集统计表。（满分6分）",
                "12月25日前报送不扣分，12月25日后报送扣1分，未报送扣6分。对不及时审核业"
                + "绩信息申报和基本信息变更的，一条信息扣0.5分。本项总计最多扣6分。"),
        ]);
        AddCategory(rows, "3", "加强辽宁省、大连市物业管理条例规定的备案工作（满分14分）",
        [
            ("6.25", "按时完成物业管理区域备案、前期物业招标投标备案、"
                + "前期物业服务合同备案、物业服务合同备案、承接查验备案工作；"
                + "监督指导各有关单位在新建项目取得预售许可之前进行物业"
                + "管理区域备案，签订的（前期）物业服务合同全部明确物业"
                + "服务等级并从省或市住宅物业服务标准中选择具体服务内容。"
                + "报送2021年1月1日至6月20日期间受理的各项备案情况统计表。（满分4分）",
                "6月25日前报送不扣分，6月25日后报送扣1分，未报送扣4分。"),
            ("6.25", "对未按时备案或未按照有关规定开展工作的开发建设单位或物业服务企"
                + "业下发整改通知，并按照条例规定移送执法部门。（满分3分）",
                "对未按时备案或者违反相关规定的企业未下发整改通知书的，"
                + "或未按照要求移送执法部门的，一个项目扣0.3分，最多扣3分。"),
            ("12.25", "按时完成物业管理区域备案、前期物业招投标备案、"
                + "前期物业服务合同备案、物业服务合同备案、承接查验备案工作。"
                + "报送2021年6月21日至12月20日期间受理的各项备案情况统计表。（满分4分）",
                "12月25日前报送不扣分，12月25日后报送扣1分；未报送扣4分。"),
            ("12.25", "对未按时完成备案或未按照有关规定开展工作的开发建设的单位或物业"
                + "服务企业下发整改通知，并按照条例规定移送执法部门。（满分3分）",
                "对未按时备案或者违反相关规定的企业未下发整改通知书的，"
                + "一个项目扣0.3分，最多扣3分。"),
        ]);

        var total = new List<TableCell> { TableCell.Of("得分", columnSpan: 5, header: true) };
        total.AddRange(Results.Select(r => TableCell.Of(r.Score)));
        rows.Add(new TableRow(total));
        return new Table([1, 3, 1.6, 8, 6, 1.6, 1.6, 1.6, 1.6], rows, HeaderRows: 2);
    }

    private static void AddCategory(
        List<TableRow> rows, string number, string work,
        (string When, string Content, string Method)[] items)
    {
        for (var i = 0; i < items.Length; i++)
        {
            var cells = new List<TableCell>();
            if (i == 0)
            {
                cells.Add(TableCell.Of(number, rowSpan: items.Length));
                cells.Add(TableCell.Of(work, rowSpan: items.Length));
            }

            cells.Add(TableCell.Of(items[i].When));
            cells.Add(TableCell.Of(items[i].Content, TextAlignment.Justify));
            cells.Add(TableCell.Of(items[i].Method, TextAlignment.Justify));
            cells.AddRange(Results.Select((r, u) => TableCell.Of(u == 3 && i == 0 ? "-1" : "")));
            rows.Add(new TableRow(cells));
        }
    }

    private static TableCell Header(string text, int rowSpan = 1, int columnSpan = 1) =>
        TableCell.Of(text, rowSpan: rowSpan, columnSpan: columnSpan, header: true);
}
