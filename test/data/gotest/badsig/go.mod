module example.com/badsig

go 1.19
