// The Go client generated from the spec (openapi-generator, go), used as a Go user would: list
// groups with filters, register, show, delete, and an error read as the ModelArts body.
// GoClientIT runs it against the packaged server:
//
//	go run ./check -base http://127.0.0.1:8080 -token dev-token -project dev-project
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	modelarts "example.com/modelarts-local/modelartsimages"
)

func fail(what string, err error) {
	fmt.Fprintf(os.Stderr, "Go client check failed: %s: %v\n", what, err)
	os.Exit(1)
}

func expect(ok bool, what string) {
	if !ok {
		fail(what, nil)
	}
}

func main() {
	base := flag.String("base", "http://127.0.0.1:8080", "the server's address")
	token := flag.String("token", "dev-token", "sent as X-Auth-Token")
	project := flag.String("project", "dev-project", "the project")
	flag.Parse()

	cfg := modelarts.NewConfiguration()
	cfg.Servers = modelarts.ServerConfigurations{{URL: strings.TrimSuffix(*base, "/")}}
	client := modelarts.NewAPIClient(cfg)
	// the credential on every request: the spec's AuthToken scheme is an API key in X-Auth-Token
	ctx := context.WithValue(context.Background(), modelarts.ContextAPIKeys,
		map[string]modelarts.APIKey{"AuthToken": {Key: *token}})

	page, _, err := client.ImageGroupsAPI.ListImageGroup(ctx, *project).
		Namespace("atelier").Name("pytorch").Limit(2).Execute()
	if err != nil {
		fail("ListImageGroup", err)
	}
	expect(len(page.Data) == 2 && page.Total >= 2 && page.Current == 1, "ListImageGroup with filters")
	for _, group := range page.Data {
		expect(strings.Contains(group.Name, "pytorch") && group.Namespace == "atelier", "filters applied")
	}
	fmt.Printf("ListImageGroup: %d pytorch groups in atelier, first page of %d\n", page.Total, page.Pages)

	tag := fmt.Sprintf("go%d", time.Now().UnixNano())
	description := "from Go"
	registered, _, err := client.ImagesAPI.RegisterImage(ctx, *project).ImageRegRequest(modelarts.ImageRegRequest{
		SwrPath:     "swr.cn-north-4.myhuaweicloud.com/golang/client:" + tag,
		Description: &description,
	}).Execute()
	if err != nil {
		fail("RegisterImage", err)
	}
	expect(registered.GetTag() == tag && registered.GetType() == modelarts.DEDICATED, "RegisterImage")
	fmt.Printf("RegisterImage: %s\n", registered.GetId())

	shown, _, err := client.ImagesAPI.ShowImage(ctx, *project, registered.GetId()).Execute()
	if err != nil {
		fail("ShowImage", err)
	}
	expect(shown.GetDescription() == description && shown.GetCreateAt() > 0, "ShowImage")
	fmt.Printf("ShowImage: %s\n", shown.GetSwrPath())

	deleted, _, err := client.ImagesAPI.DeleteImage(ctx, *project, registered.GetId()).Execute()
	if err != nil {
		fail("DeleteImage", err)
	}
	expect(deleted.GetStatus() == modelarts.DELETED, "DeleteImage")
	fmt.Println("DeleteImage: DELETED")

	_, response, err := client.ImagesAPI.ShowImage(ctx, *project, registered.GetId()).Execute()
	expect(err != nil && response != nil, "ShowImage of a deleted image must fail")
	apiErr, ok := err.(*modelarts.GenericOpenAPIError)
	expect(ok, "a GenericOpenAPIError for a 400")
	var body modelarts.ErrorResponse
	if err := json.Unmarshal(apiErr.Body(), &body); err != nil {
		fail("the error body", err)
	}
	expect(response.StatusCode == 400 && body.ErrorCode == "ModelArts.6404", "the ModelArts error body")
	expect(response.Header.Get("X-Request-Id") != "", "an X-Request-Id")
	fmt.Printf("an error as ModelArts answers it: %d %s\n", response.StatusCode, body.ErrorCode)
}
