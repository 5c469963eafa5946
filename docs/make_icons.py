"""Make the Windows and macOS icons from the PNGs in resources/icons/ (run once, by hand,
after the artwork changes; the results are committed and pyinstaller.spec uses them):

    pip install -e '.[icons]'
    python docs/make_icons.py

kanban-sec.ico (Windows: 16 to 256 pixels, each from the nearest larger PNG) and
kanban-sec.icns (macOS: 16 to 1024 pixels). Pillow is needed here only, never at run time.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
#: The PNGs drawn at these sizes (kanban-sec-<size>.png).
DRAWN = (48, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def source_for(size: int) -> Image.Image:
    """The drawn PNG nearest above ``size``, scaled down to it (a small icon from a large
    drawing would lose its lines)."""
    drawn = min(s for s in DRAWN if s >= size)
    image = Image.open(ICONS / f"kanban-sec-{drawn}.png").convert("RGBA")
    return image if drawn == size else image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    largest = source_for(256)
    largest.save(
        ICONS / "kanban-sec.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[source_for(s) for s in ICO_SIZES if s != 256],
    )
    # Pillow takes the 16 to 256 pixel entries from these and scales the 256 up for the
    # Retina 512 and 1024 ones (the drawings go no larger).
    largest.save(
        ICONS / "kanban-sec.icns", append_images=[source_for(s) for s in (16, 32, 48, 128)]
    )
    print(f"wrote {ICONS / 'kanban-sec.ico'} and {ICONS / 'kanban-sec.icns'}")


if __name__ == "__main__":
    main()
