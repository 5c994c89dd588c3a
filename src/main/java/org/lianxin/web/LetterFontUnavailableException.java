package org.lianxin.web;

import java.nio.file.Path;

/** The reply letter's PDF cannot be made: its CJK font is missing or cannot be embedded. The message names it. */
public class LetterFontUnavailableException extends RuntimeException {

    private final transient Path font;

    public LetterFontUnavailableException(Path font, String problem, Throwable cause) {
        super("The reply letter's PDF font " + font + " " + problem + " (set lianxin.letter.font to a TrueType font "
                + "with Chinese glyphs, e.g. Debian's fonts-wqy-microhei: " + LetterPdf.DEFAULT_FONT + ")", cause);
        this.font = font;
    }

    public Path font() {
        return font;
    }
}
