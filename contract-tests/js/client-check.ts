// The TypeScript client generated from the spec (openapi-generator, typescript-fetch), used as a
// TypeScript user would: list groups with filters, register, show, delete, and an error read as
// the ModelArts body. run.mjs calls check() against the packaged server.
import {
    Configuration,
    ImageGroupsApi,
    ImagesApi,
    ResponseError,
} from '../target/ts-client';

function expect(condition: boolean, what: string): void {
    if (!condition) {
        throw new Error('TypeScript client check failed: ' + what);
    }
}

export async function check(basePath: string, token: string, projectId: string): Promise<string[]> {
    // the credential on every request: the spec's AuthToken scheme is an API key in X-Auth-Token
    const config = new Configuration({ basePath, apiKey: token });
    const groups = new ImageGroupsApi(config);
    const images = new ImagesApi(config);
    const done: string[] = [];

    const page = await groups.listImageGroup({ projectId, namespace: 'atelier', name: 'pytorch', limit: 2 });
    expect(page.data.length === 2 && page.total >= 2 && page.current === 1, 'ListImageGroup with filters');
    expect(page.data.every((g) => (g.name ?? '').includes('pytorch') && g.namespace === 'atelier'), 'filters applied');
    done.push(`ListImageGroup: ${page.total} pytorch groups in atelier, first page of ${page.pages}`);

    const tag = 'ts' + Date.now();
    const registered = await images.registerImage({
        projectId,
        imageRegRequest: { swrPath: `swr.cn-north-4.myhuaweicloud.com/typescript/client:${tag}`, description: 'from TypeScript' },
    });
    expect(registered.tag === tag && registered.type === 'DEDICATED' && registered.status === 'ACTIVE', 'RegisterImage');
    done.push(`RegisterImage: ${registered.id}`);

    const shown = await images.showImage({ projectId, id: registered.id });
    expect(shown.description === 'from TypeScript' && typeof shown.createAt === 'number', 'ShowImage');
    done.push(`ShowImage: ${shown.swrPath}`);

    const deleted = await images.deleteImage({ projectId, id: registered.id });
    expect(deleted.status === 'DELETED', 'DeleteImage');
    done.push('DeleteImage: DELETED');

    try {
        await images.showImage({ projectId, id: registered.id });
        expect(false, 'ShowImage of a deleted image must fail');
    } catch (e) {
        expect(e instanceof ResponseError, 'a ResponseError for a 400');
        const response = (e as ResponseError).response;
        const body = await response.json();
        expect(response.status === 400 && body.error_code === 'ModelArts.6404', 'the ModelArts error body');
        expect((response.headers.get('X-Request-Id') ?? '').length > 0, 'an X-Request-Id');
        done.push(`an error as ModelArts answers it: ${response.status} ${body.error_code}`);
    }
    return done;
}
