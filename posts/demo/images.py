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
