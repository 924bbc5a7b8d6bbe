package com.example.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import dev.modelarts.local.testkit.testcontainers.ModelArtsContainer;

@Testcontainers(disabledWithoutDocker = true)
class ImagesInAContainerTest {

    @Container
    static final ModelArtsContainer modelArts = new ModelArtsContainer().withInMemory();

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
