// opencc-js types its presets and core but not the single dictionaries under
// `opencc-js/dict/*`, which Gongshi imports one by one so that the browser downloads only
// what folding Traditional to Simplified needs (about 25 KB gzipped instead of 50 KB).
// Each dictionary module's default export is the serialised form `"src dst|src dst|…"`.
declare module "opencc-js/dict/*" {
  const dictionary: string;
  export default dictionary;
}
