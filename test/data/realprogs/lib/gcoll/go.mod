module example.com/gcoll

go 1.19
