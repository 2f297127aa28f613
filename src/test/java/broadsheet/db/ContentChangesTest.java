package broadsheet.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import broadsheet.testing.TestDb;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The node a change is made through forgets what it cached when the change commits, before the writer's
 * request goes on (an editor who deletes a page and reloads it must not get the cached copy while this
 * node's listener has not yet heard the notification); a change rolled back is never told.
 */
class ContentChangesTest {

    private Database db;
    private final List<String> told = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        db = TestDb.fresh();
        db.jdbi().getConfig(ContentChanges.Local.class).tell(told::add);
    }

    @AfterEach
    void stop() {
        db.close();
    }

    @Test
    void aChangeIsToldToItsOwnNodeAtCommitAndNotBefore() {
        db.jdbi().useTransaction(h -> {
            ContentChanges.announceArticles(h, List.of(7L, 9L));
            assertThat(told).as("before the commit").isEmpty();
        });
        assertThat(told).containsExactly("article-7 article-9 " + ContentChanges.LISTS);

        db.jdbi().useHandle(ContentChanges::announce); // outside a transaction: committed as it runs
        assertThat(told).last().isEqualTo("");
    }

    @Test
    void aChangeRolledBackIsNeverTold() {
        assertThatThrownBy(() -> db.jdbi().useTransaction(h -> {
                    ContentChanges.announce(h, "article-3");
                    throw new IllegalStateException("the save failed");
                }))
                .hasMessageContaining("the save failed");
        assertThat(told).isEmpty();
    }

    @Test
    void payloadsAreDeliveredAsKeysOnceEachOrAsEverything() {
        List<String> keys = new CopyOnWriteArrayList<>();
        List<String> everything = new CopyOnWriteArrayList<>();
        ContentChanges.deliver(List.of("article-1 lists", "lists comments-4"), () -> everything.add("all"), keys::add);
        assertThat(keys).containsExactly("article-1", "lists", "comments-4");
        assertThat(everything).isEmpty();

        keys.clear();
        ContentChanges.deliver(List.of("article-1 lists", ""), () -> everything.add("all"), keys::add);
        assertThat(everything).containsExactly("all");
        assertThat(keys).isEmpty();
    }
}
