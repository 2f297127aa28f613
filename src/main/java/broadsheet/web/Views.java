package broadsheet.web;

import gg.jte.CodeResolver;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import gg.jte.resolve.ResourceCodeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders jte templates to bytes: precompiled in production, from src/main/jte with hot reload in
 * dev. With a theme folder ({@code templates/} inside it, see docs/themes.md) templates are
 * compiled at startup from the theme's files where it has them and the built-in ones otherwise.
 */
public final class Views {

    private static final Logger LOG = LoggerFactory.getLogger(Views.class);

    private final TemplateEngine engine;

    public Views(boolean dev) {
        this(dev, Optional.empty());
    }

    /** @param theme a theme folder; used when it has a {@code templates} folder */
    public Views(boolean dev, Optional<Path> theme) {
        CodeResolver builtIn =
                dev ? new DirectoryCodeResolver(Path.of("src/main/jte")) : new ResourceCodeResolver("jte-templates");
        Optional<Path> templates = theme.map(
                        t -> t.resolve("templates").toAbsolutePath().normalize())
                .filter(Files::isDirectory);
        if (templates.isPresent()) {
            LOG.info("Theme templates from {} (the others built in)", templates.get());
            this.engine = TemplateEngine.create(
                    new ThemeCodeResolver(templates.get(), builtIn), classDirectory(), ContentType.Html);
        } else {
            this.engine = dev
                    ? TemplateEngine.create(builtIn, ContentType.Html)
                    : TemplateEngine.createPrecompiled(ContentType.Html);
        }
    }

    private static Path classDirectory() {
        try {
            return Files.createTempDirectory("broadsheet-theme-classes");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the template can be found and loaded now (readiness: a jar replaced under a running server fails this). */
    public boolean available(String template) {
        try {
            return engine.hasTemplate(template);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public byte[] render(String template, Object model) {
        // the argument is how many chunks (each template's text between values, each value) the output starts
        // with room for, not bytes: 16 * 1024 made a 64 KB array of references for every page
        Utf8ByteOutput out = new Utf8ByteOutput(1024);
        engine.render(template, model, out);
        return out.toByteArray();
    }
}
