package broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;

/**
 * One open generation of the index: its writer, near-real-time searchers, and where in the change log
 * it stands (kept in each commit's user data, so a restart goes on from there).
 */
final class SearchIndex implements AutoCloseable {

    static final String LOW = "changes_applied_through";
    static final String AT = "committed_at";
    static final String SCHEMA = "schema";

    /**
     * What the documents hold, recorded in each commit: an index written with another (or none: before the
     * ranking field {@link Fields#RANK}) is rebuilt on start, since its queries would not find what they ask.
     */
    static final String SCHEMA_VERSION = "2";

    final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile FacetState facets = new FacetState(null, null);

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {}

    private SearchIndex(Path dir, Directory directory, IndexWriter writer) throws IOException {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens an existing generation (failing on a missing or damaged index) or creates an empty one. */
    static SearchIndex open(Path dir, boolean create) throws IOException {
        // the small segments each change makes stay in memory until merged or committed (a few MiB at most):
        // a refresh after one edit then writes no files, which on a busy disk took most of its time
        Directory d = new NRTCachingDirectory(FSDirectory.open(dir), 1.0, 8.0);
        try {
            if (!create && !DirectoryReader.indexExists(d)) throw new IOException("no index in " + dir);
            IndexWriterConfig c = new IndexWriterConfig(Analyzers.perField())
                    .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setRAMBufferSizeMB(64)
                    // Lucene waits up to 500 ms by default on each refresh to merge the small segments first;
                    // a publish must reach search within a second on every node, so merges happen after, in
                    // the background, and a refresh opens what is there
                    .setMaxFullFlushMergeWaitMillis(0);
            IndexWriter w = new IndexWriter(d, c);
            if (!create) {
                // read every segment's header now: a damaged index fails here, not on the first search
                try (DirectoryReader r = DirectoryReader.open(w)) {
                    r.numDocs();
                }
            }
            return new SearchIndex(dir, d, w);
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    IndexWriter writer() {
        return writer;
    }

    /** The change log position of the last commit (0 for a new index). */
    long committedLow() {
        return Long.parseLong(userData().getOrDefault(LOW, "0"));
    }

    /** Whether this index was written with the documents this version makes. */
    boolean currentSchema() {
        return SCHEMA_VERSION.equals(userData().get(SCHEMA));
    }

    Instant committedAt() {
        String at = userData().get(AT);
        return at == null ? Instant.EPOCH : Instant.ofEpochMilli(Long.parseLong(at));
    }

    private Map<String, String> userData() {
        try (DirectoryReader r = DirectoryReader.open(writer)) {
            return r.getIndexCommit().getUserData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteAll(Collection<org.apache.lucene.index.Term> keys) throws IOException {
        if (!keys.isEmpty()) writer.deleteDocuments(keys.toArray(org.apache.lucene.index.Term[]::new));
    }

    void commit(long low) throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(LOW, Long.toString(low));
        data.put(AT, Long.toString(Instant.now().toEpochMilli()));
        data.put(SCHEMA, SCHEMA_VERSION);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Runs a read against the newest searcher, with the facet state that goes with it (null for an empty index). */
    <T> T read(Reader<T> read) throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return read.apply(s, facetState(s.getIndexReader()));
        } finally {
            searchers.release(s);
        }
    }

    interface Reader<T> {
        T apply(IndexSearcher searcher, SortedSetDocValuesReaderState facets) throws IOException;
    }

    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState f = facets;
        if (f.reader() == reader) return f.state();
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, Documents.FACETS);
        } catch (IllegalArgumentException noFacetsYet) {
            state = null;
        }
        facets = new FacetState(reader, state);
        return state;
    }

    int docs() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
