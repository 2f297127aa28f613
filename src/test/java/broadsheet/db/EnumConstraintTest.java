package broadsheet.db;

import static org.assertj.core.api.Assertions.assertThat;

import broadsheet.articles.ArticleStatus;
import broadsheet.articles.Kind;
import broadsheet.comments.CommentStatus;
import broadsheet.testing.TestDb;
import broadsheet.topics.TopicKind;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each enum the code stores lists exactly the values its column's check constraint allows, and round-trips through JDBI. */
class EnumConstraintTest {
    private static Database db;

    @BeforeAll
    static void start() {
        db = TestDb.fresh();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static List<Arguments> enums() {
        return List.of(
                Arguments.of("articles", "status", ArticleStatus.class),
                Arguments.of("articles", "kind", Kind.class),
                Arguments.of("topics", "kind", TopicKind.class),
                Arguments.of("comments", "status", CommentStatus.class),
                Arguments.of("subscriptions", "status", broadsheet.subscriptions.SubscriptionStatus.class),
                Arguments.of("stripe_duplicates", "state", broadsheet.subscriptions.DuplicateState.class),
                Arguments.of("newsletter_issues", "status", broadsheet.newsletters.IssueStatus.class),
                Arguments.of("newsletter_outbox", "state", broadsheet.newsletters.OutboxState.class),
                Arguments.of("newsletter_subscribers", "status", broadsheet.newsletters.SubscriberStatus.class),
                Arguments.of("articles", "comment_mode", broadsheet.comments.CommentMode.class),
                Arguments.of("follows", "kind", broadsheet.following.FollowKind.class),
                Arguments.of("front_versions", "layout", broadsheet.fronts.FrontLayout.class),
                Arguments.of("webhook_events", "type", broadsheet.webhooks.WebhookEvent.class),
                Arguments.of("webhook_deliveries", "status", broadsheet.webhooks.DeliveryStatus.class),
                Arguments.of("wire_items", "pubstatus", broadsheet.wire.PubStatus.class));
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @MethodSource("enums")
    <E extends Enum<E> & DbValue> void enumMatchesTheCheckConstraint(String table, String column, Class<E> type) {
        List<String> allowed = db
                .jdbi()
                .withHandle(h -> h.createQuery("""
                        select pg_get_constraintdef(c.oid) from pg_constraint c
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
                        where c.conrelid = cast(:table as regclass) and c.contype = 'c' and a.attname = :column
                        """)
                        .bind("table", table)
                        .bind("column", column)
                        .mapTo(String.class)
                        .list())
                .stream()
                .flatMap(def -> quoted(def).stream())
                .distinct()
                .sorted()
                .toList();
        List<String> ours = Arrays.stream(type.getEnumConstants())
                .map(DbValue::dbValue)
                .sorted()
                .toList();
        assertThat(ours).as(table + "." + column).isEqualTo(allowed);
        for (E e : type.getEnumConstants()) {
            E back = db.jdbi()
                    .withHandle(h -> h.createQuery("select cast(:v as text)")
                            .bind("v", e)
                            .mapTo(type)
                            .one());
            assertThat(back).isEqualTo(e);
        }
    }

    private static List<String> quoted(String constraint) {
        Matcher m = Pattern.compile("'([^']*)'").matcher(constraint);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
