package io.chatapp.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchivePagingTest {

    private final List<String> queries = new ArrayList<>();
    private final List<Integer> read = new ArrayList<>();

    /** An archive of the numbers 1 to 5, paged by their value. */
    private ArchivePage<Integer> after(String archiveId, int max) {
        queries.add(archiveId);
        List<Integer> page = new ArrayList<>();
        for (int n = Integer.parseInt(archiveId) + 1; n <= 5 && page.size() < max; n++) {
            page.add(n);
        }
        String last = page.isEmpty() ? null : String.valueOf(page.get(page.size() - 1));
        return new ArchivePage<>(page, page.isEmpty() || page.get(page.size() - 1) == 5, last);
    }

    @Test
    void pagesForwardFromTheArchiveIdUntilTheArchiveIsComplete() throws Exception {
        ArchivePaging.forward(this::after, "0", 2, read::add);
        assertThat(read).containsExactly(1, 2, 3, 4, 5);
        assertThat(queries).containsExactly("0", "2", "4");
    }

    @Test
    void stopsAtAnEmptyPageEvenWhenTheArchiveDoesNotSayItIsComplete() throws Exception {
        ArchivePaging.forward((id, max) -> {
            queries.add(id);
            return new ArchivePage<Integer>(List.of(), false, "9");
        }, "7", 2, read::add);
        assertThat(queries).containsExactly("7");
        assertThat(read).isEmpty();
    }
}
