package io.chatapp.plugin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void parsesAndDecodesNamesAndValues() throws HttpProblem {
        assertThat(QueryParameters.parse("q=al%20ice&offset=10&flag&x=a%2Bb+c"))
                .containsExactly(Map.entry("q", "al ice"), Map.entry("offset", "10"), Map.entry("flag", ""),
                        Map.entry("x", "a+b c"));
    }

    @Test
    void theFirstValueWins() throws HttpProblem {
        assertThat(QueryParameters.parse("q=first&q=second")).containsExactly(Map.entry("q", "first"));
    }

    @Test
    void noQueryIsEmpty() throws HttpProblem {
        assertThat(QueryParameters.parse(null)).isEmpty();
        assertThat(QueryParameters.parse("")).isEmpty();
    }

    @Test
    void tooManyParametersAreRefused() throws HttpProblem {
        assertThat(QueryParameters.parse("a=1&".repeat(32))).hasSize(1);
        String many = "a=1&".repeat(33);
        assertThatThrownBy(() -> QueryParameters.parse(many)).isInstanceOfSatisfying(HttpProblem.class,
                problem -> assertThat(problem.response().status()).isEqualTo(400));
    }

    @Test
    void malformedEscapesAreABadRequest() {
        assertThatThrownBy(() -> QueryParameters.parse("q=%zz")).isInstanceOfSatisfying(HttpProblem.class,
                problem -> assertThat(problem.response().status()).isEqualTo(400));
        assertThatThrownBy(() -> QueryParameters.parse("q=%4")).isInstanceOf(HttpProblem.class);
    }

    @Test
    void integersUseTheFallbackWhenAbsentAndStayInBounds() throws HttpProblem {
        Map<String, String> query = QueryParameters.parse("limit=20&offset=&big=201&neg=-1&text=ten&huge=99999999999");
        assertThat(QueryParameters.integer(query, "limit", 50, 1, 200)).isEqualTo(20);
        assertThat(QueryParameters.integer(query, "missing", 50, 1, 200)).isEqualTo(50);
        assertThat(QueryParameters.integer(query, "offset", 0, 0, 100)).as("empty means absent").isZero();
        assertThat(QueryParameters.integer(Map.of("x", "200"), "x", 50, 1, 200)).isEqualTo(200);
        assertThat(QueryParameters.integer(Map.of("x", "1"), "x", 50, 1, 200)).isEqualTo(1);
        for (String bad : new String[] {"big", "neg", "text", "huge"}) {
            assertThatThrownBy(() -> QueryParameters.integer(query, bad, 50, 0, 200))
                    .as(bad).isInstanceOfSatisfying(HttpProblem.class, problem -> {
                        assertThat(problem.response().status()).isEqualTo(400);
                        assertThat(problem.getMessage()).contains(bad);
                    });
        }
    }
}
