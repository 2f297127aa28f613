package broadsheet.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import java.nio.file.Path;

/** Renders jte templates to bytes: precompiled in production, from src/main/jte with hot reload in dev. */
public final class Views {

    private final TemplateEngine engine;

    public Views(boolean dev) {
        this.engine = dev
                ? TemplateEngine.create(new DirectoryCodeResolver(Path.of("src/main/jte")), ContentType.Html)
                : TemplateEngine.createPrecompiled(ContentType.Html);
    }

    public byte[] render(String template, Object model) {
        Utf8ByteOutput out = new Utf8ByteOutput(16 * 1024);
        engine.render(template, model, out);
        return out.toByteArray();
    }
}
