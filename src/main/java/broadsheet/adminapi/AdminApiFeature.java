package broadsheet.adminapi;

import broadsheet.Core;
import broadsheet.newsroom.articles.ArticleDesk;
import broadsheet.newsroom.articles.ArticleDeskDao;
import broadsheet.newsroom.photos.PhotoService;
import broadsheet.newsroom.taxonomy.Catalog;
import broadsheet.web.ApiPaths;

/**
 * The Admin API (issue 14): staff tokens and their newsroom page, and the API's handlers, each built on
 * the newsroom's own services (the editor's {@link ArticleDesk}, the photo desk's {@link PhotoService},
 * the catalog of topics and authors), so a program is held to exactly the rules a person is.
 *
 * @param tokens checks each call's token (the access check's gate) and makes and revokes tokens
 * @param calls turns refusals into problems and audits every call
 */
public record AdminApiFeature(
        StaffTokens tokens,
        StaffTokenDesk desk,
        ApiCalls calls,
        AdminArticlesApi articles,
        AdminPhotosApi photos,
        AdminCatalogApi topics,
        AdminCatalogApi authors) {

    public static AdminApiFeature create(Core core) {
        var jdbi = core.jdbi();
        StaffTokenService service = new StaffTokenService(jdbi);
        return new AdminApiFeature(
                new StaffTokens(service),
                new StaffTokenDesk(core.desk(), service),
                new ApiCalls(service),
                new AdminArticlesApi(new ArticleDesk(jdbi), new ArticleDeskDao(jdbi)),
                new AdminPhotosApi(new PhotoService(jdbi, core.media())),
                new AdminCatalogApi(Catalog.topics(jdbi), ApiPaths::adminTopic),
                new AdminCatalogApi(Catalog.authors(jdbi), ApiPaths::adminAuthor));
    }
}
