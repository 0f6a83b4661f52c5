import type { Channel, Channels } from "../data/site-config.ts";

/**
 * Where a reader can go next: the official channels of `site.json` (`channels`), chosen
 * for one matter, and the links that reach them. Pure, so the choice can be tested.
 */

/** A channel as a link: a phone number to call, an address to write to, a page to open. */
export interface ChannelLink {
  name: string;
  description: string | undefined;
  /** `tel:`, `mailto:` or `https:`. */
  href: string;
  /** What the link shows: the number, the address or the web address. */
  text: string;
  kind: "phone" | "email" | "url";
}

/** The ways to reach a channel, phone first (the quickest for most readers). */
export function channelLinks(channel: Channel): ChannelLink[] {
  const base = { name: channel.name, description: channel.description };
  const links: ChannelLink[] = [];
  if (channel.phone) {
    links.push({ ...base, kind: "phone", href: `tel:${channel.phone}`, text: channel.phone });
  }
  if (channel.email) {
    links.push({ ...base, kind: "email", href: `mailto:${channel.email}`, text: channel.email });
  }
  if (channel.url) links.push({ ...base, kind: "url", href: channel.url, text: channel.url });
  return links;
}

/** What a matter is, as far as choosing channels goes. */
export interface Matter {
  /** The section the matter belongs to (exposures, mailbox, …). */
  section: string;
  /** GB/T 2260 code of the county the matter is in. */
  regionCode: string;
  /** The jurisdiction's own code: its mailbox is offered for every matter. */
  jurisdictionCode: string;
  /** A letter's own mailbox, by name: offered first when it has an address. */
  mailboxName?: string;
}

/**
 * The channels for a matter that is not resolved, in the order a reader should try them:
 * the mailbox the matter was written to (if any), the hotlines of its section, the
 * county's mailbox, then the city's.
 */
export function channelsForMatter(channels: Channels, matter: Matter): Channel[] {
  const chosen: Channel[] = [];
  const add = (channel: Channel | undefined) => {
    if (channel && !chosen.includes(channel)) chosen.push(channel);
  };
  if (matter.mailboxName !== undefined) {
    add(channels.mailboxes.find((mailbox) => mailbox.name === matter.mailboxName));
  }
  for (const hotline of channels.hotlines) {
    if (hotline.sections.length === 0 || hotline.sections.includes(matter.section)) add(hotline);
  }
  add(channels.mailboxes.find((mailbox) => mailbox.region === matter.regionCode));
  add(channels.mailboxes.find((mailbox) => mailbox.region === matter.jurisdictionCode));
  return chosen;
}

/**
 * The 纠错 link of a page. An e-mail address gets a subject naming the page, so the editors
 * know which page the reader means without asking; a web form is linked as it is.
 */
export function correctionHref(channels: Channels, pageUrl: string, pageTitle: string): string {
  const { corrections } = channels;
  if (corrections.email) {
    const subject = encodeURIComponent(`纠错：${pageTitle}`);
    const body = encodeURIComponent(`页面：${pageUrl}\n错在哪里：\n`);
    return `mailto:${corrections.email}?subject=${subject}&body=${body}`;
  }
  return corrections.url ?? (corrections.phone ? `tel:${corrections.phone}` : "/contact/");
}
