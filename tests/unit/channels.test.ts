import { describe, expect, it } from "vitest";
import type { Channels } from "../../src/data/site-config.ts";
import { channelLinks, channelsForMatter, correctionHref } from "../../src/site/channels.ts";

const channels: Channels = {
  contact: { name: "本站编辑部", email: "contact@example.org" },
  corrections: { name: "纠错", email: "jiucuo@example.org" },
  hotlines: [
    { name: "12369环保举报热线", phone: "12369", sections: ["exposures"] },
    { name: "12345政务服务便民热线", phone: "12345", sections: [] },
  ],
  mailboxes: [
    { name: "市委书记信箱", url: "https://mail.example.org/city/", region: "990100" },
    { name: "甲区委书记信箱", url: "https://mail.example.org/a/", region: "990102" },
    { name: "乙县委书记信箱", url: "https://mail.example.org/b/", region: "990121" },
  ],
};
const names = (list: readonly { name: string }[]) => list.map((channel) => channel.name);

describe("where a reader turns when a matter is not resolved", () => {
  it("offers an exposure the environment hotline, the citizens' hotline, its county's and the city's mailbox", () => {
    const chosen = channelsForMatter(channels, {
      section: "exposures",
      regionCode: "990121",
      jurisdictionCode: "990100",
    });
    expect(names(chosen)).toEqual([
      "12369环保举报热线",
      "12345政务服务便民热线",
      "乙县委书记信箱",
      "市委书记信箱",
    ]);
  });

  it("offers a letter its own mailbox first, and no hotline of another section", () => {
    const chosen = channelsForMatter(channels, {
      section: "mailbox",
      regionCode: "990102",
      jurisdictionCode: "990100",
      mailboxName: "市委书记信箱",
    });
    expect(names(chosen)).toEqual(["市委书记信箱", "12345政务服务便民热线", "甲区委书记信箱"]);
  });

  it("links a number to call and an address to write to", () => {
    expect(channelLinks({ name: "热线", phone: "12345" })[0]?.href).toBe("tel:12345");
    expect(channelLinks({ name: "纠错", email: "a@example.org" })[0]?.href).toBe(
      "mailto:a@example.org",
    );
  });

  it("names the page in the 纠错 e-mail, so editors know where the mistake is", () => {
    const href = correctionHref(channels, "https://site.example/exposures/X-1/", "某问题");
    expect(href.startsWith("mailto:jiucuo@example.org?subject=")).toBe(true);
    const params = new URLSearchParams(href.slice(href.indexOf("?") + 1));
    expect(params.get("subject")).toBe("纠错：某问题");
    expect(params.get("body")).toContain("https://site.example/exposures/X-1/");
  });
});
