package broadsheet.brand;

import broadsheet.Core;

/** The paper's own look: the brand page in the newsroom and the files it makes. */
public record BrandFeature(BrandDesk desk, BrandFilesPages files) {

    public static BrandFeature create(Core core) {
        return new BrandFeature(
                new BrandDesk(core.desk(), new BrandService(core.jdbi(), core.chrome(), core.cache())),
                new BrandFilesPages(core.chrome()));
    }
}
