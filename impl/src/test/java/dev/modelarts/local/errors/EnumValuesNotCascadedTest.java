package dev.modelarts.local.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.Test;

import dev.modelarts.local.api.model.Arch;
import dev.modelarts.local.api.model.Image;
import dev.modelarts.local.api.model.ImageStatus;
import dev.modelarts.local.api.model.ImageType;
import dev.modelarts.local.api.model.ResourceCategory;
import dev.modelarts.local.api.model.StateGroup;
import dev.modelarts.local.api.model.TmsTag;

/** Lists of enum values are not cascaded into; everything else is, and finds what it found before. */
class EnumValuesNotCascadedTest {

    private final EnumValuesNotCascaded resolver = new EnumValuesNotCascaded();

    @Test
    void enumListsAreNotCascadedIntoOtherPropertiesAre() {
        Image image = new Image();
        assertThat(resolver.isCascadable(image, node("resourceCategories"), Image.class, null, null)).isFalse();
        assertThat(resolver.isCascadable(image, node("status"), Image.class, null, null)).isFalse();
        assertThat(resolver.isCascadable(image, node("tags"), Image.class, null, null)).isTrue();
        assertThat(resolver.isCascadable(new StateGroup(), node("images"), StateGroup.class, null, null)).isTrue();
        assertThat(resolver.isCascadable(image, node("arg0"), Image.class, null, null)).as("not a field").isTrue();
    }

    @Test
    void aNestedViolationIsStillFound() {
        Image image = Image.builder().id("i").name("n").namespace("ns").tag("t").swrPath("r/ns/n:t")
                .type(ImageType.DEDICATED).status(ImageStatus.ACTIVE).arch(Arch.X86_64).createAt(1L).updateAt(1L)
                .resourceCategories(List.of(ResourceCategory.CPU, ResourceCategory.CPU))
                .tags(List.of(new TmsTag(""))).build();
        StateGroup group = StateGroup.builder().id("g").projectId("p").namespace("ns").name("n").createAt(1L)
                .updateAt(1L).images(List.of(image)).build();
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure().traversableResolver(resolver)
                .buildValidatorFactory()) {
            Set<ConstraintViolation<StateGroup>> violations = factory.getValidator().validate(group);
            assertThat(violations).extracting(v -> v.getPropertyPath().toString()).containsExactly("images[0].tags[0].key");
        }
    }

    private static Path.Node node(String name) {
        return new Path.Node() {
            @Override public String getName() { return name; }
            @Override public boolean isInIterable() { return false; }
            @Override public Integer getIndex() { return null; }
            @Override public Object getKey() { return null; }
            @Override public jakarta.validation.ElementKind getKind() { return jakarta.validation.ElementKind.PROPERTY; }
            @Override public <T extends Path.Node> T as(Class<T> type) { return type.cast(this); }
        };
    }
}
