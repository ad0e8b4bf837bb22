"""Author portraits drawn in code: initials on a coloured circle, as a small PNG."""

import io

WHITE = (255, 255, 255, 255)


def initials(name: str) -> str:
    parts = [part for part in name.split() if part[:1].isalpha()]
    return "".join(part[0] for part in (parts[:1] + parts[1:][-1:])).upper()


def portrait_png(name: str, colour: str, size: int = 240) -> bytes:
    """A square PNG with a transparent corner and the person's initials in a circle."""
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, size - 1, size - 1), fill=colour)
    # Pillow's bundled font: the same result on every machine, no system fonts needed.
    font = ImageFont.load_default(size=size * 0.4)
    draw.text((size / 2, size / 2), initials(name), fill=WHITE, font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def landscape_jpeg(sky: str, land: str, sun: str, width: int = 1600, height: int = 900) -> bytes:
    """A simple drawn landscape (sky, sun, three hills) as a JPEG: a featured image."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.68, height * 0.12, width * 0.8, height * 0.33), fill=sun)
    for index, top in enumerate((0.55, 0.62, 0.72)):
        shade = tuple(
            max(0, channel - 28 * index)
            for channel in Image.new("RGB", (1, 1), land).getpixel((0, 0))
        )
        left = -width * 0.3 + index * width * 0.35
        draw.ellipse((left, height * top, left + width * 1.1, height * (top + 0.9)), fill=shade)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()
