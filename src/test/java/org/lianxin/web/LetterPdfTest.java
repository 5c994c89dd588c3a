package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ui.ExtendedModelMap;

/** Without a usable CJK font the letter's PDF is refused, naming the font, instead of coming out blank. */
class LetterPdfTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFontIsNamed() throws IOException {
        Path missing = dir.resolve("wqy-microhei.ttc");
        try (PDDocument pdf = new PDDocument()) {
            assertThatThrownBy(() -> LetterPdf.EmbeddedFont.load(missing, pdf))
                    .isInstanceOf(LetterFontUnavailableException.class)
                    .hasMessageContaining(missing + " is missing")
                    .hasMessageContaining("lianxin.letter.font")
                    .hasMessageContaining("fonts-wqy-microhei");
        }
    }

    @Test
    void aFileThatIsNoFontIsNamed() throws IOException {
        Path notAFont = Files.writeString(dir.resolve("font.ttc"), "ttcf but no font at all",
                StandardCharsets.US_ASCII);
        try (PDDocument pdf = new PDDocument()) {
            assertThatThrownBy(() -> LetterPdf.EmbeddedFont.load(notAFont, pdf))
                    .isInstanceOf(LetterFontUnavailableException.class)
                    .hasMessageContaining(notAFont + " cannot be embedded");
        }
    }

    @Test
    void theDeskIsToldWhichFontIsMissing() {
        Path missing = dir.resolve("wqy-microhei.ttc");
        ExtendedModelMap model = new ExtendedModelMap();

        String view = new DeskLetterController(null, null, null, "某某县", "")
                .fontUnavailable(new LetterFontUnavailableException(missing, "is missing", null), model);

        assertThat(view).isEqualTo("desk/no-letter");
        assertThat(model.get("font")).isEqualTo(missing.toString());
    }
}
