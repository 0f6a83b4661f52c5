import type { IsoDate } from "../../data/dates.ts";
import type { PublicLetter } from "./public.ts";

/**
 * The public JSON of one letter (`/mailbox/<id>.json`), made from the public projection
 * only. Every letter has the same keys; absent values are `null`. A letter without consent
 * has `published: false` and `null` title and content: there is nothing else to put there,
 * because its public record has no such fields. Keys are a public contract: add, never rename.
 */
export function letterJson(
  letter: PublicLetter,
  meta: { url: string; asOf: IsoDate; register: string },
) {
  return {
    register: meta.register,
    id: letter.id,
    url: meta.url,
    asOf: meta.asOf,
    published: letter.consent,
    title: letter.consent ? letter.title : null,
    content: letter.consent ? letter.content : null,
    receivedOn: letter.receivedOn,
    level: letter.level,
    mailbox: letter.mailbox,
    region: { code: letter.regionCode, name: letter.regionName },
    topic: letter.topic,
    status: letter.status,
    handledByPrincipal: letter.handledByPrincipal,
    instructionOn: letter.instructionOn ?? null,
    replyUnit: letter.replyUnit ?? null,
    repliedOn: letter.repliedOn ?? null,
    reply: letter.reply ?? null,
    replyWithheld: letter.consent ? false : letter.replyWithheld,
    satisfaction: letter.satisfaction ?? null,
    derived: {
      dueOn: letter.timing.dueOn,
      calendarDaysToReply: letter.timing.calendarDaysToReply ?? null,
      workingDaysToReply: letter.timing.workingDaysToReply ?? null,
      repliedWithinPromise: letter.timing.repliedWithinPromise ?? null,
      overdue: letter.timing.overdue,
      workingDaysWaiting: letter.timing.workingDaysWaiting ?? null,
    },
  };
}
