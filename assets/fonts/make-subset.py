#!/usr/bin/env python3
"""Rebuilds NotoSansSC-GBK-Regular.otf, the font the PDF renderer embeds (see docs/decisions/pdf-font.md).

Needs Debian's fonts-noto-cjk and python3-fonttools:
    apt-get install fonts-noto-cjk python3-fonttools && /usr/bin/python3 assets/fonts/make-subset.py

With --all-han (and an output path) it also keeps the 9,021 Han characters the font has outside GBK
(CJK Extension A and beyond, e.g. 䶮), for a file about 2 MB larger; the shipped font does not.

Keeps every character GBK encodes, plus ASCII, Latin-1 and the punctuation, arrows, box-drawing and
full-width forms a business document uses; drops OpenType layout features and hinting (PDF text needs
neither) and removes CFF subroutines, because pdfkit's subsetter keeps one stub per subroutine of the
whole font in every PDF (44 KB of stubs in a one-line PDF with them, 8 KB without).
"""
import os
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
POSTSCRIPT_NAME = 'NotoSansCJKsc-Regular'
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'NotoSansSC-GBK-Regular.otf')
EXTRA_RANGES = [
    (0x20, 0x7E), (0xA0, 0xFF),  # ASCII, Latin-1
    (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F), (0x2190, 0x21FF),  # punctuation, currency, letterlike, arrows
    (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF),  # enclosed numbers, box drawing, shapes
    (0x3000, 0x303F), (0xFF00, 0xFFEF),  # CJK punctuation, full-width forms
]


def gbk_repertoire():
    chars = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            try:
                chars.add(ord(bytes([lead, trail]).decode('gbk')))
            except UnicodeDecodeError:
                pass
    return chars


def main():
    all_han = '--all-han' in sys.argv[1:]
    paths = [a for a in sys.argv[1:] if not a.startswith('--')]
    out = paths[0] if paths else OUT
    collection = TTCollection(SOURCE)
    index = next(i for i, f in enumerate(collection.fonts) if f['name'].getDebugName(6) == POSTSCRIPT_NAME)
    unicodes = gbk_repertoire()
    for lo, hi in EXTRA_RANGES:
        unicodes.update(range(lo, hi + 1))
    if all_han:
        cmap = collection.fonts[index].getBestCmap()
        unicodes.update(cp for cp in cmap if 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or cp >= 0x20000)
    options = subset.Options()
    options.font_number = index
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True
    font = subset.load_font(SOURCE, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(font)
    subset.save_font(font, out, options)
    cmap = font.getBestCmap()
    missing = sorted(c for c in gbk_repertoire() if c not in cmap)
    print(f'{out}: {os.path.getsize(out)} bytes, {len(cmap)} characters; GBK characters without a glyph: '
          + ' '.join(f'U+{c:04X}' for c in missing))


if __name__ == '__main__':
    sys.exit(main())
