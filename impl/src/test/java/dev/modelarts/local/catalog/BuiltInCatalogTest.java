package dev.modelarts.local.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.modelarts.local.api.model.Arch;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.ResourceCategory;
import dev.modelarts.local.db.DataLayer;
import dev.modelarts.local.db.Database;
import dev.modelarts.local.db.ImageDao;
import dev.modelarts.local.model.GroupFilter;
import dev.modelarts.local.model.GroupPage;
import dev.modelarts.local.model.ImageRow;
import dev.modelarts.local.testing.TestDatabase;
import dev.modelarts.local.model.NewImage;

@Tag(TestDatabase.BOTH)
class BuiltInCatalogTest {

    private final BuiltInCatalog catalog = BuiltInCatalog.load();

    @Test
    void isARealisticCatalog() {
        assertThat(catalog.groupCount()).isGreaterThanOrEqualTo(20);
        assertThat(catalog.entries()).hasSizeGreaterThanOrEqualTo(60);

        Set<String> names = catalog.entries().stream().map(e -> e.image().name()).collect(Collectors.toSet());
        assertThat(names).anyMatch(n -> n.startsWith("pytorch"))
                .anyMatch(n -> n.startsWith("tensorflow"))
                .anyMatch(n -> n.startsWith("mindspore") && n.endsWith("-ascend"));
        Set<ResourceCategory> categories = catalog.entries().stream()
                .flatMap(e -> e.image().resourceCategories().stream()).collect(Collectors.toSet());
        assertThat(categories).contains(ResourceCategory.CPU, ResourceCategory.GPU, ResourceCategory.ASCEND);
        Set<Arch> arches = catalog.entries().stream().map(e -> e.image().arch()).collect(Collectors.toSet());
        assertThat(arches).containsExactlyInAnyOrder(Arch.X86_64, Arch.AARCH64);
    }

    @Test
    void everyEntryFollowsTheApisRules() {
        for (NewImage entry : catalog.entries()) {
            ImageRow image = entry.image();
            assertThat(image.name()).matches("[a-z0-9._-]{1,512}");
            assertThat(image.namespace()).matches("[a-z][A-Za-z0-9._-]{0,63}");
            assertThat(image.tag()).matches("[A-Za-z0-9._-]{1,128}");
            assertThat(image.swrPath()).hasSizeBetween(16, 2048)
                    .isEqualTo("swr.cn-north-4.myhuaweicloud.com/" + image.namespace() + "/" + image.name()
                            + ":" + image.tag());
            assertThat(image.type()).isEqualTo(ImageType.BUILD_IN);
            assertThat(image.imageSize()).isPositive();
            assertThat(image.createAt()).isBetween(1_577_836_800_000L, 1_767_225_600_000L);
        }
    }

    @Test
    void installingTwiceAddsNothingTheSecondTime(@TempDir Path dir) {
        try (Database database = Database.open(TestDatabase.fresh(dir)); DataLayer data = DataLayer.over(database)) {
            ImageDao images = data.images();
            assertThat(catalog.installInto(images)).isEqualTo(catalog.entries().size());
            assertThat(catalog.installInto(images)).isZero();

            GroupPage page = data.listing()
                    .list(GroupFilter.visibleTo("any-project", "0"), 1000, 0);
            assertThat(page.page().total()).isEqualTo(catalog.groupCount());
            int versions = page.page().items().stream().mapToInt(g -> g.versionCount()).sum();
            assertThat(versions).isEqualTo(catalog.entries().size());
        }
    }
}
