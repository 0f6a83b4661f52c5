import { describe, expect, test } from "vitest";
import { decodeEntities, extractSearchRecord, parseCaptures } from "../../src/search/extract.ts";

const page = (body: string, head = "") =>
  `<!doctype html><html lang="zh-CN"><head><title>页面 - 站点</title>${head}</head><body>` +
  `<header><nav><a href="/">首页</a></nav></header>${body}<footer>页脚</footer></body></html>`;

describe("reading a built page's searchable record", () => {
  test("skips pages that mark nothing as searchable", () => {
    expect(extractSearchRecord(page("<main><h1>关于</h1></main>"))).toBeUndefined();
  });

  test("keeps only the text inside data-pagefind-body, one line per block", () => {
    const record = extractSearchRecord(
      page(
        `<main data-pagefind-body><h1>五通桥区污水</h1><p>群众<strong>反映</strong>问题。</p>` +
          `<table><tr><td>区县</td><td>五通桥区</td></tr></table></main><aside>旁注</aside>`,
      ),
    );
    expect(record?.title).toBe("五通桥区污水");
    expect(record?.text).toBe("五通桥区污水\n群众反映问题。\n区县\n五通桥区");
  });

  test("leaves out ignored elements, scripts, styles, forms and navigation", () => {
    const record = extractSearchRecord(
      page(
        `<main data-pagefind-body><p>正文</p><div data-pagefind-ignore>不要</div>` +
          `<script>if (a < b) { x = "<p>脚本</p>"; }</script><style>p{}</style>` +
          `<form><label>表单</label></form><nav>导航</nav><p>结尾</p></main>`,
      ),
    );
    expect(record?.text).toBe("正文\n结尾");
  });

  test("reads filters, sorts and metadata in all three Pagefind forms", () => {
    const record = extractSearchRecord(
      page(
        `<main data-pagefind-body data-pagefind-filter="register:环保曝光台" ` +
          `data-pagefind-sort="date:2024-03-01">` +
          `<h1 data-pagefind-meta="title">标题</h1>` +
          `<dd data-pagefind-filter="county">五通桥区</dd>` +
          `<time datetime="2024-03-01" data-pagefind-filter="year[datetime]">三月</time>` +
          `<p data-pagefind-meta="unit, note:含逗号, 也算">生态环境局</p></main>`,
        `<meta data-pagefind-filter="status[content]" content="整改中">`,
      ),
    );
    expect(record?.filters).toEqual({
      status: ["整改中"],
      register: ["环保曝光台"],
      county: ["五通桥区"],
      year: ["2024-03-01"],
    });
    expect(record?.sort).toEqual({ date: "2024-03-01" });
    expect(record?.title).toBe("标题");
    expect(record?.meta).toEqual({ unit: "生态环境局", note: "含逗号, 也算" });
  });

  test("drops filters inside data-pagefind-ignore=all but keeps those in a plain ignore", () => {
    const record = extractSearchRecord(
      page(
        `<main data-pagefind-body><p>正文</p>` +
          `<div data-pagefind-ignore><span data-pagefind-filter="county:沙湾区"></span></div>` +
          `<div data-pagefind-ignore="all"><span data-pagefind-filter="status:已完成"></span></div></main>`,
      ),
    );
    expect(record?.filters).toEqual({ county: ["沙湾区"] });
  });

  test("decodes character references in text and attributes", () => {
    const record = extractSearchRecord(
      page(
        `<main data-pagefind-body data-pagefind-filter="unit:A&amp;B"><p>&#20048;山&lt;市&gt;&nbsp;</p></main>`,
      ),
    );
    expect(record?.text).toBe("乐山<市>");
    expect(record?.filters).toEqual({ unit: ["A&B"] });
    expect(decodeEntities("&unknown; &#x6a02;")).toBe("&unknown; 樂");
  });

  test("reads quoted attributes that contain a closing bracket", () => {
    const record = extractSearchRecord(
      page(
        `<main data-pagefind-body><p title="a > b" data-pagefind-filter="county">沙湾区</p></main>`,
      ),
    );
    expect(record?.filters).toEqual({ county: ["沙湾区"] });
  });

  test("splits capture lists the way Pagefind does", () => {
    expect(parseCaptures("title, image[src], date:2024-01-01, later")).toEqual([
      { key: "title", fromText: true },
      { key: "image", attribute: "src" },
      { key: "date", value: "2024-01-01, later" },
    ]);
  });
});
