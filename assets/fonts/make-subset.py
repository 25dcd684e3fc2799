#!/usr/bin/env python3
"""Rebuilds NotoSansSC-GB18030-Regular.otf, the font the PDF renderer embeds (see docs/decisions/pdf-font.md),
and checks it against assets/fonts/tongyong-guifan-hanzi.txt (the 8,105 characters of 通用规范汉字表).

Needs Debian's fonts-noto-cjk, python3-fonttools and unicode-data (for Unihan's kTGH field):
    apt-get install fonts-noto-cjk python3-fonttools unicode-data
    /usr/bin/python3 assets/fonts/make-subset.py            # the font (and the character list) in assets/fonts
    /usr/bin/python3 assets/fonts/make-subset.py --all-han other.otf   # also every other Han character the
                                                            # face has (e.g. 𠮷 U+20BB7), about 0.6 MB more

Keeps GB 18030-2022 implementation level 2 as far as Noto Sans CJK SC draws it:
  level 1: every character of the one- and two-byte parts (GBK and GB 18030's two-byte additions, at the
           code points GB 18030-2022 gives them, none in the private use area), CJK Unified Ideographs
           Extension A (U+3400..U+4DB5) and U+9FA6..U+9FEF from the four-byte part;
  level 2: level 1 plus the 196 characters of 通用规范汉字表 beyond the BMP (Extensions B to F) that people's
           and places' names use (e.g. 𠮷 U+20BB7 is NOT one of them; 𬌗 U+2C317 is);
plus every character of 通用规范汉字表 (Unihan kTGH), ASCII, Latin-1 and the punctuation, arrows,
box-drawing and full-width forms a business document uses. It drops OpenType layout features and hinting
(PDF text needs neither) and removes CFF subroutines, because pdfkit's subsetter keeps one stub per
subroutine of the whole font in every PDF (44 KB of stubs in a one-line PDF with them, 8 KB without).
"""
import bz2
import os
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
POSTSCRIPT_NAME = 'NotoSansCJKsc-Regular'
UNIHAN = '/usr/share/unicode/Unihan_OtherMappings.txt.bz2'
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'NotoSansSC-GB18030-Regular.otf')
TGH_LIST = os.path.join(HERE, 'tongyong-guifan-hanzi.txt')
EXTRA_RANGES = [
    (0x20, 0x7E), (0xA0, 0xFF),  # ASCII, Latin-1
    (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x214F), (0x2190, 0x21FF),  # punctuation, currency, letterlike, arrows
    (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF),  # enclosed numbers, box drawing, shapes
    (0x3000, 0x303F), (0xFF00, 0xFFEF),  # CJK punctuation, full-width forms
]
# GB 18030-2022 level 1, four-byte part: CJK Extension A and the unified ideographs after GBK's U+9FA5.
LEVEL1_FOUR_BYTE = [(0x3400, 0x4DB5), (0x9FA6, 0x9FEF)]
# Characters GB 18030-2005 still mapped to the private use area and 2022 maps to their own code points
# (vertical forms, CJK radicals, and the ideographs among them are already in the ranges above).
REMAPPED_2022 = [*range(0xFE10, 0xFE1A), 0x2E81, 0x2E84, 0x2E88, 0x2E8B, 0x2E8C, 0x2E97, 0x2EA7, 0x2EAA, 0x2EAE,
                 0x2EB3, 0x2EB6, 0x2EB7, 0x2EBB, 0x2ECA, 0x20087, 0x20089, 0x200CC, 0x215D7, 0x2298F, 0x241FE]


def two_byte_repertoire():
    """Every character the one- and two-byte parts encode (GBK plus GB 18030's), outside the private use area."""
    chars = set(range(0x20, 0x7F))
    for codec in ('gbk', 'gb18030'):
        for lead in range(0x81, 0xFF):
            for trail in range(0x40, 0xFF):
                if trail == 0x7F:
                    continue
                try:
                    chars.add(ord(bytes([lead, trail]).decode(codec)))
                except UnicodeDecodeError:
                    pass
    return {c for c in chars if not 0xE000 <= c <= 0xF8FF}


def tongyong_guifan():
    """通用规范汉字表 (2013): the code points Unihan's kTGH field lists, in the table's order."""
    rows = []
    with bz2.open(UNIHAN, 'rt', encoding='utf-8') as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) == 3 and parts[1] == 'kTGH':
                year, number = parts[2].split()[0].split(':')
                rows.append((int(number), int(parts[0][2:], 16)))
    return [cp for _, cp in sorted(rows)]


def main():
    all_han = '--all-han' in sys.argv[1:]
    paths = [a for a in sys.argv[1:] if not a.startswith('--')]
    out = paths[0] if paths else OUT
    collection = TTCollection(SOURCE)
    index = next(i for i, f in enumerate(collection.fonts) if f['name'].getDebugName(6) == POSTSCRIPT_NAME)
    tgh = tongyong_guifan()
    assert len(tgh) == 8105, f'expected 8,105 characters in 通用规范汉字表, Unihan lists {len(tgh)}'
    with open(TGH_LIST, 'w', encoding='utf-8') as f:
        f.write('# 通用规范汉字表 (2013), 8,105 characters in the table\'s order, one a line, from Unihan\'s kTGH field\n')
        f.write('# (Debian unicode-data, Unicode 15.0); written by make-subset.py\n')
        f.writelines(chr(cp) + '\n' for cp in tgh)
    level2 = two_byte_repertoire() | set(tgh) | set(REMAPPED_2022)
    for lo, hi in LEVEL1_FOUR_BYTE:
        level2.update(range(lo, hi + 1))
    wanted = set(level2)
    for lo, hi in EXTRA_RANGES:
        wanted.update(range(lo, hi + 1))
    if all_han:
        cmap = collection.fonts[index].getBestCmap()
        wanted.update(cp for cp in cmap if 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or cp >= 0x20000)
    options = subset.Options()
    options.font_number = index
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True
    font = subset.load_font(SOURCE, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted))
    subsetter.subset(font)
    subset.save_font(font, out, options)
    cmap = font.getBestCmap()
    missing = sorted(c for c in level2 if c not in cmap)
    missing_tgh = [c for c in tgh if c not in cmap]
    print(f'{out}: {os.path.getsize(out)} bytes, {len(cmap)} characters; '
          f'通用规范汉字表 without a glyph: {len(missing_tgh)}; GB 18030 level 2 without a glyph: '
          + ' '.join(f'U+{c:04X}' for c in missing))
    return 1 if missing_tgh else 0


if __name__ == '__main__':
    sys.exit(main())
