package broadsheet.web;

import gg.jte.CodeResolver;
import gg.jte.resolve.DirectoryCodeResolver;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds each template in the theme folder first and in the built-in templates otherwise, so a
 * theme replaces only the templates it contains (layout/page.jte, say) and keeps all the others.
 */
final class ThemeCodeResolver implements CodeResolver {

    private final Path theme;
    private final DirectoryCodeResolver themed;
    private final CodeResolver builtIn;

    ThemeCodeResolver(Path theme, CodeResolver builtIn) {
        this.theme = theme;
        this.themed = new DirectoryCodeResolver(theme);
        this.builtIn = builtIn;
    }

    private boolean inTheme(String name) {
        Path p = theme.resolve(name).normalize();
        return p.startsWith(theme) && Files.isRegularFile(p);
    }

    @Override
    public String resolve(String name) {
        return inTheme(name) ? themed.resolve(name) : builtIn.resolve(name);
    }

    @Override
    public long getLastModified(String name) {
        return inTheme(name) ? themed.getLastModified(name) : builtIn.getLastModified(name);
    }

    @Override
    public boolean exists(String name) {
        return inTheme(name) || builtIn.exists(name);
    }
}
