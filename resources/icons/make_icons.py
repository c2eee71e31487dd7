"""Draw the app's icon: ``QT_QPA_PLATFORM=offscreen python resources/icons/make_icons.py``.

The icon is the tray's speech bubble (white, three brand-coloured dots) on a rounded square of
the brand colour, so the launcher, the taskbar and the tray read as one app. Written here:

* ``jivo-desktop-<N>.png`` for N in 16...512: the hicolor theme sizes of the Linux package;
* ``jivo-desktop.ico`` (16...256 px, PNG entries as Windows Vista and later read them) for the
  ``.exe``, the shortcuts and the ``.msi``;
* ``jivo-desktop.icns`` (512 px) for the macOS ``.app``.

Qt paints them the same way every run, so running this again changes nothing in git.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
BRAND = "#1f7a5c"  # jivo_desktop.ui.style.BRAND (this script must run without the app)


def paint(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(BRAND))
    painter.drawRoundedRect(QRectF(0.02 * s, 0.02 * s, 0.96 * s, 0.96 * s), 0.22 * s, 0.22 * s)

    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(0.16 * s, 0.20 * s, 0.68 * s, 0.48 * s), 0.14 * s, 0.14 * s)
    tail = QPainterPath()
    tail.moveTo(QPointF(0.28 * s, 0.62 * s))
    tail.lineTo(QPointF(0.24 * s, 0.84 * s))
    tail.lineTo(QPointF(0.50 * s, 0.64 * s))
    tail.closeSubpath()
    painter.setBrush(QColor("white"))
    painter.drawPath(bubble.united(tail))

    painter.setBrush(QColor(BRAND))
    radius = 0.055 * s
    for x in (0.34, 0.50, 0.66):
        painter.drawEllipse(QPointF(x * s, 0.44 * s), radius, radius)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(sizes: tuple[int, ...]) -> bytes:
    """An ICO file with one PNG entry per size (Qt's writer stores one uncompressed image)."""
    pngs = [png_bytes(paint(size)) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries = b""
    for size, png in zip(sizes, pngs, strict=True):
        side = size % 256  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
    return header + entries + b"".join(pngs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    for size in SIZES:
        if not paint(size).save(str(HERE / f"jivo-desktop-{size}.png")):
            raise SystemExit(f"could not write the {size} px PNG")
    (HERE / "jivo-desktop.ico").write_bytes(ico_bytes(ICO_SIZES))
    if not paint(512).save(str(HERE / "jivo-desktop.icns")):
        raise SystemExit("could not write jivo-desktop.icns")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
