package io.chatapp.plugin.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyRowsTest {

    @Test
    void fieldsAreEscapedAndSeparatedAsCopyTextFormatWants() {
        BatchInsert.CopyRows rows = new BatchInsert.CopyRows(1);
        rows.number(42);
        rows.text("a\tb\\c");
        rows.text(null);
        rows.lastText("line1\nline2\r");

        assertThat(BatchInsert.decode(rows)).isEqualTo("42\ta\\tb\\\\c\t\\N\tline1\\nline2\\r\n");
    }

    @Test
    void nonAsciiTextIsUtf8LikeTheJdkEncodesIt() {
        String text = "héllo ✓ 😀 日本 \uD800 end";
        BatchInsert.CopyRows rows = new BatchInsert.CopyRows(4);
        rows.lastText(text);

        assertThat(BatchInsert.decode(rows)).isEqualTo(text.replace('\uD800', '\uFFFD') + "\n");
    }
}
