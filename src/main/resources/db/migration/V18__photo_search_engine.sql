-- The photo library is searched by the search engine (its words are in every node's index, kept in
-- step by the search_changes log of V13), no longer with PostgreSQL full-text search: the index on
-- the words of caption and credit is not read by any query, and costs every upload and edit a write.

drop index if exists photos_words;
