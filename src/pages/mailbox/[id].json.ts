import type { APIRoute, GetStaticPaths } from "astro";
import { getDataset, registerData } from "../../site/dataset.ts";
import { mailbox as mailboxRegister } from "../../registers/mailbox/index.ts";
import { letterJson } from "../../registers/mailbox/json.ts";
import { MAILBOX_BASE, MAILBOX_TITLE } from "../../registers/mailbox/listing.ts";
import type { PublicLetter } from "../../registers/mailbox/public.ts";

/** `/mailbox/<id>.json`: one letter's public record with its reply times. */
export const getStaticPaths = (() =>
  (registerData(getDataset(), mailboxRegister)?.letters ?? []).map((letter) => ({
    params: { id: letter.id },
    props: { letter },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ letter: PublicLetter }> = ({ props }) => {
  const { site } = getDataset();
  const json = letterJson(props.letter, {
    url: new URL(`${MAILBOX_BASE}${props.letter.id}/`, site.siteUrl).href,
    asOf: site.asOf,
    register: MAILBOX_TITLE,
  });
  return new Response(JSON.stringify(json, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
};
