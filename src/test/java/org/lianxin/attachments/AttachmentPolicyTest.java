package org.lianxin.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class AttachmentPolicyTest {

    final AttachmentPolicy policy = new AttachmentPolicy(new AttachmentLimits(10, 25, 3,
            List.of(" image/png", "application/pdf", "text/plain ")), messages());

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    Attachment file(String name, String type, int size) {
        return policy.file(name, type, new byte[size]);
    }

    @Test
    void aNameLosesItsFoldersAndControlCharactersAndAKnownExtensionDecidesTheType() {
        assertThat(file("C:\\fakepath\\整改\u0007报告.pdf", "application/octet-stream", 1))
                .extracting(Attachment::fileName, Attachment::contentType).containsExactly("整改报告.pdf", "application/pdf");
        assertThat(file("../../etc/passwd", null, 1).fileName()).isEqualTo("passwd");
        assertThat(file("照片.exe", "image/png", 1).contentType()).isEqualTo("application/x-msdownload");
        assertThat(file("照片", "IMAGE/JPG; name=x", 1).contentType()).isEqualTo("image/jpeg");
        assertThat(file("  ", "not a type", 1)).extracting(Attachment::fileName, Attachment::contentType)
                .containsExactly("附件", "application/octet-stream");
        String longName = "很".repeat(300) + ".pdf";
        assertThat(file(longName, null, 1).fileName()).hasSize(255).endsWith("很.pdf");
    }

    @Test
    void filesAreKeptInOrderWhileTypeSizeCountAndTheMessagesSumAllow() {
        AttachmentPolicy.Sorted sorted = policy.sort(List.of(file("a.png", null, 10), file("b.exe", null, 1),
                file("c.pdf", null, 11), file("d.txt", null, 10), file("e.txt", null, 6), file("f.txt", null, 5),
                file("g.txt", null, 1)));

        assertThat(sorted.kept()).extracting(Attachment::fileName).containsExactly("a.png", "d.txt", "f.txt");
        assertThat(sorted.refused()).extracting(r -> r.file().fileName() + ":" + r.problem())
                .containsExactly("b.exe:TYPE", "c.pdf:FILE_SIZE", "e.txt:MESSAGE_SIZE", "g.txt:COUNT");
        assertThat(policy.note(sorted).orElseThrow()).startsWith("未保存的附件 4 个：")
                .contains("“b.exe”的类型（application/x-msdownload）不在可接收之列");
        assertThat(policy.explain(sorted.refused().get(1), Locale.ENGLISH)).startsWith("\"c.pdf\" is");
        assertThat(policy.note(policy.sort(List.of(file("a.png", null, 1))))).isEmpty();
    }

    @Test
    void sizesReadAsMegabytes() {
        assertThat(AttachmentPolicy.megabytes(10485760)).isEqualTo("10 MB");
        assertThat(AttachmentPolicy.megabytes(13107200)).isEqualTo("12.5 MB");
        assertThat(AttachmentPolicy.megabytes(2)).isEqualTo("0.1 MB");
    }
}
