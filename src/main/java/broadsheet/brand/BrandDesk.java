package broadsheet.brand;

import broadsheet.newsroom.Desk;
import broadsheet.web.Form;
import broadsheet.web.NewsroomPaths;
import broadsheet.web.Paths;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The brand page in the newsroom (admins): the paper's name, logo, colours, type and footer. */
public final class BrandDesk {

    /** What the brand page shows. */
    public record BrandPage(
            Desk.Frame frame, Form form, List<FontChoice> fonts, String logoUrl, int logoMaxKb, String notice) {}

    private final Desk desk;
    private final BrandService brand;

    public BrandDesk(Desk desk, BrandService brand) {
        this.desk = desk;
        this.brand = brand;
    }

    public void show(Context ctx) {
        String notice = "saved".equals(ctx.queryParam("done"))
                ? "Saved. Every page of the site now shows the new brand."
                : null;
        render(ctx, brand.current(), notice);
    }

    public void save(Context ctx) {
        Form form = Form.of(ctx, BrandService.FIELDS);
        BrandService.Upload logo = upload(ctx.uploadedFile("logo"));
        boolean remove = "yes".equals(ctx.formParam("remove_logo"));
        if (!brand.save(desk.user(ctx), form, logo, remove)) {
            render(ctx.status(422), form, null);
            return;
        }
        ctx.redirect(Paths.with(NewsroomPaths.brandDesk(), "done", "saved"), HttpStatus.SEE_OTHER);
    }

    private static BrandService.Upload upload(UploadedFile file) {
        if (file == null || (file.size() == 0 && file.filename().isBlank())) return null;
        if (file.size() > LogoCheck.MAX_BYTES) // don't read a large file into memory just to refuse it
        return new BrandService.Upload(file.filename(), new byte[LogoCheck.MAX_BYTES + 1]);
        try (InputStream in = file.content()) {
            return new BrandService.Upload(file.filename(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void render(Context ctx, Form form, String notice) {
        desk.render(
                ctx,
                "brand/desk.jte",
                new BrandPage(
                        desk.frame(ctx, "Brand", "brand"),
                        form,
                        List.of(FontChoice.values()),
                        desk.chrome().brand().logoUrl(),
                        LogoCheck.MAX_BYTES / 1024,
                        notice));
    }
}
