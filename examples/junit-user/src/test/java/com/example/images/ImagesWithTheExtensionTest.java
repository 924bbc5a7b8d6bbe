package com.example.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.modelarts.local.testkit.junit.ModelArtsServerExtension;

class ImagesWithTheExtensionTest {

    @RegisterExtension
    static final ModelArtsServerExtension modelArts = ModelArtsServerExtension.builder().inMemory().build();

    @Test
    void registerListVerifyAndDelete() {
        ImageApi images = new ImageApi(modelArts.sdkClient());
        String id = images.register("swr.cn-north-4.myhuaweicloud.com/team/my-tool:v1");
        assertEquals(List.of("my-tool"), images.groupNames("my-tool"));
        modelArts.verify("{\"operation\": \"RegisterImage\", \"count\": 1}");
        images.delete(id);
        assertEquals(List.of(), images.groupNames("my-tool"));
    }
}
