module example.com/jsonpkg

go 1.19
