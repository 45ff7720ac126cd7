package io.chatapp.plugin.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatapp.plugin.xmpp.StanzaError;
import io.chatapp.plugin.xmpp.StanzaErrorException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;

/**
 * Fuzzing of the MAM query parser (jqwik, fixed seed, bounded tries): whatever form and RSM set a client sends, the
 * parser either reads a query within the page limit or refuses it with bad-request or feature-not-implemented, the
 * errors a client's mistake deserves; it never throws anything else (which would become internal-server-error).
 */
class MamQueryParserFuzzTest {

    private static final MamQueryParser PARSER = new MamQueryParser(250);

    @Property(tries = 2_000, seed = "1515")
    void anyQueryIsReadOrRefusedAsTheClientsMistake(@ForAll("queries") Element query) {
        try {
            MamRequest request = PARSER.parse(query);
            assertThat(request.query().max()).isBetween(0, 250);
        } catch (StanzaErrorException e) {
            assertThat(e.error()).isIn(StanzaError.BAD_REQUEST, StanzaError.FEATURE_NOT_IMPLEMENTED);
        }
    }

    @Provide
    Arbitrary<Element> queries() {
        Arbitrary<String> vars = Arbitraries.oneOf(Arbitraries.of("FORM_TYPE", "with", "start", "end", "after-id",
                "before-id"), Arbitraries.strings().ofMaxLength(8));
        Arbitrary<String> values = Arbitraries.oneOf(text(), Arbitraries.of("urn:xmpp:mam:2",
                "urn:xmpp:mam:2#extended", "bob@example.com", "bob@example.com/phone", "@", "a@b@c", "/",
                "2026-11-24T10:00:00Z", "2026-13-40T25:61:61Z", "2026-11-24T10:00:00.123456789+14:00",
                "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "0", "-1", "9223372036854775807",
                "99999999999999999999", "1e3", " 42 ", ""), ids());
        Arbitrary<List<String[]>> fields = Combinators.combine(vars, values, Arbitraries.integers().between(0, 2))
                .as((var, value, shape) -> new String[] {var, value, Integer.toString(shape)})
                .list().ofMaxSize(6);
        Arbitrary<List<String[]>> rsm = Combinators.combine(Arbitraries.of("max", "after", "before", "index",
                        "first", "count"), Arbitraries.oneOf(values, Arbitraries.integers().map(String::valueOf)))
                .as((name, value) -> new String[] {name, value}).list().ofMaxSize(4);
        return Combinators.combine(fields, rsm, Arbitraries.of("submit", "form", "", "result"),
                Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(MamQueryParserFuzzTest::query);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(40);
    }

    /** Archive ids as the server writes them, and near misses. */
    private static Arbitrary<String> ids() {
        return Arbitraries.longs().map(id -> {
            String formatted = ArchiveIds.format(Math.abs(id == Long.MIN_VALUE ? 0 : id));
            return formatted;
        }).flatMap(id -> Arbitraries.of(id, id + "x", id.toUpperCase(java.util.Locale.ROOT), " " + id,
                id.substring(0, Math.max(0, id.length() - 1))));
    }

    private static Element query(List<String[]> fields, List<String[]> rsm, String formType, boolean flip,
                                 boolean rsmNamespace) {
        Element query = DocumentHelper.createElement(DocumentHelper.createQName("query",
                DocumentHelper.createNamespace("", MamQueryParser.NAMESPACE)));
        query.addAttribute("queryid", "q1");
        Element x = query.addElement("x", MamQueryParser.DATA_FORMS);
        if (!formType.isEmpty()) {
            x.addAttribute("type", formType);
        }
        for (String[] field : fields) {
            Element element = x.addElement("field");
            if (!field[2].equals("0")) {
                element.addAttribute("var", field[0]);
            }
            if (!field[2].equals("2")) {
                element.addElement("value").setText(field[1]);
            }
        }
        Element set = query.addElement("set", rsmNamespace ? MamQueryParser.RSM : "urn:other");
        for (String[] item : rsm) {
            set.addElement(item[0]).setText(item[1]);
        }
        if (flip) {
            query.addElement("flip-page");
        }
        return query;
    }
}
