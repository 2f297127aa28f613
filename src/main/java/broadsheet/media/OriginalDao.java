package broadsheet.media;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The photo originals, stored in the database so that every node can make any derivative. */
final class OriginalDao {

    private OriginalDao() {}

    /** Stores an original unless the same bytes are stored already; true when this call stored it. */
    static boolean insert(Handle h, String fileKey, byte[] bytes) {
        return h.createUpdate("""
                        insert into photo_originals (file_key, bytes) values (:key, :bytes)
                        on conflict (file_key) do nothing
                        """).bind("key", fileKey).bind("bytes", bytes).execute() == 1;
    }

    static Optional<byte[]> find(Handle h, String fileKey) {
        return h.createQuery("select bytes from photo_originals where file_key = :key")
                .bind("key", fileKey)
                .mapTo(byte[].class)
                .findOne();
    }

    static boolean exists(Handle h, String fileKey) {
        return h.createQuery("select exists (select 1 from photo_originals where file_key = :key)")
                .bind("key", fileKey)
                .mapTo(Boolean.class)
                .one();
    }

    /** Removes an original unless a photo row still names its bytes. */
    static boolean deleteUnused(Handle h, String fileKey) {
        return h.createUpdate("""
                        delete from photo_originals o where o.file_key = :key
                        and not exists (select 1 from photos p where p.file_key = o.file_key)
                        """).bind("key", fileKey).execute() == 1;
    }

    static List<String> keys(Handle h) {
        return h.createQuery("select file_key from photo_originals order by file_key")
                .mapTo(String.class)
                .list();
    }
}
