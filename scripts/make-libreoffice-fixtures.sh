#!/usr/bin/env bash
# Makes tests/fixtures/libreoffice/: some replies of TSB Circular 205 (tests/fixtures/circ205/,
# written by `cargo run --example make-samples`) round-tripped through LibreOffice
#   soffice --headless --convert-to docx:"MS Word 2007 XML"
# with a fresh user profile, and tests/fixtures/libreoffice_expected.json: the source replies'
# expected readings (LibreOffice must not change what is marked), with the converted files'
# sha256 and a note naming the LibreOffice version.
#
# The outputs are committed, so the tests never need LibreOffice. Run from anywhere:
#   scripts/make-libreoffice-fixtures.sh
# Needs soffice (made with LibreOffice 7.4.7.2), jq and sha256sum.
#
# What LibreOffice 7.4 writes, as seen in the committed files:
# - legacy FORMCHECKBOX: unticked boxes with neither w:checked nor w:default, empty w:name;
# - content-control check boxes: each wrapped in an extra w:sdt (outer: only w:id);
#   a content control around a whole cell moves inside it (w:tc/w:sdt/w:sdtContent/w:p);
# - w:sym: rewritten as a run in the symbol font holding the private-use character (U+F0FE …);
# - right to left: <w:bidi w:val="1"/>, <w:rtl w:val="true"/>, <w:bidiVisual w:val="true"/>;
# - tracked changes, text boxes (mc:Choice + mc:Fallback), nested tables and w:highlight kept.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
src="$root/tests/fixtures/circ205"
out="$root/tests/fixtures/libreoffice"
truth_in="$root/tests/fixtures/circ205_expected.json"
truth_out="$root/tests/fixtures/libreoffice_expected.json"

# One reply per mechanism or structure worth seeing after a LibreOffice save.
files=(
  "Respuesta_Circ205_Espana.docx"      # legacy FORMCHECKBOX (Word's), reasons after the table
  "Egypt_Circ205_reply_ar.docx"        # Arabic, right to left, legacy boxes
  "Kyrgyzstan_Circ205_otvet.docx"      # content controls, nested table, text box
  "Cuba_Circ205.docx"                  # content controls around whole cells
  "Nigeria_Circ205_reply.docx"         # content controls toggled under tracked changes
  "Belarus_Circ205.docx"               # w:sym boxes changed under tracked changes
  "Oman_Circ205.docx"                  # the whole table in a text box, Wingdings 2 symbols
  "USA_reply_TSB-Circ205.docx"         # typed ☒/☐ glyphs, a separate letter
  "Mexico_respuesta_TSB-Circ205.docx"  # emphasis: highlighted lines
  "Azerbaijan_Circ205.docx"            # deletion: the lines not chosen emptied
)

for tool in soffice jq sha256sum; do
  command -v "$tool" >/dev/null || { echo "make-libreoffice-fixtures: $tool not found" >&2; exit 2; }
done
for f in "${files[@]}"; do
  [[ -f "$src/$f" ]] || { echo "make-libreoffice-fixtures: $src/$f missing; run cargo run --example make-samples" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in" "$work/out" "$out"
for f in "${files[@]}"; do cp "$src/$f" "$work/in/"; done

# A fresh profile: no user settings change what is written.
soffice -env:UserInstallation="file://$work/profile" --headless \
  --convert-to 'docx:MS Word 2007 XML' --outdir "$work/out" "$work/in"/*.docx >/dev/null

rm -f "$out"/*.docx
for f in "${files[@]}"; do
  [[ -f "$work/out/$f" ]] || { echo "make-libreoffice-fixtures: LibreOffice did not write $f" >&2; exit 1; }
  cp "$work/out/$f" "$out/$f"
done

version=$(soffice -env:UserInstallation="file://$work/profile" --version | head -n 1 | sed 's/ *$//')
shas=$(for f in "${files[@]}"; do
  printf '%s\t%s\n' "$f" "$(sha256sum "$out/$f" | cut -d' ' -f1)"
done | jq -R -s 'split("\n") | map(select(length > 0) | split("\t") | {(.[0]): .[1]}) | add')

jq --argjson shas "$shas" --arg version "$version" '
  {
    schema,
    description: ("Replies to TSB Circular 205 round-tripped through " + $version
      + " by scripts/make-libreoffice-fixtures.sh; sources are relative to tests/fixtures/libreoffice/;"
      + " the readings are those of the source replies in tests/fixtures/circ205/"),
    circular,
    form: ("../circ205/" + .form),
    form_language,
    deadline,
    threshold,
    drafts,
    replies: [
      .replies[]
      | select(.source as $s | $shas | has($s))
      | .sha256 = $shas[.source]
      | .notes += ["round-tripped through " + $version + " (docx:\"MS Word 2007 XML\")"]
    ]
  }' "$truth_in" > "$truth_out.tmp"
mv "$truth_out.tmp" "$truth_out"
echo "wrote ${#files[@]} files into $out and $truth_out"
