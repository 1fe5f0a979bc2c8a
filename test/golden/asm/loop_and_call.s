TEXT main.main (./test.go:1)  size=113 frame=16 args=0
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 e8                 lea rax, [rsp - 24]
    0005  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000c  0f 82 47 00 00 00              jb .L2
    0012  55                             push rbp
    0013  48 89 e5                       mov rbp, rsp
    0016  48 83 ec 10                    sub rsp, 16
.L0:
    ; ./test.go:10
    001a  48 c7 c3 0a 00 00 00           mov rbx, 10
    0021  48 89 1c 24                    mov qword ptr [rsp], rbx
    0025  e8 00 00 00 00                 call main.sum
    002a  48 8b 5c 24 08                 mov rbx, qword ptr [rsp + 8]
    002f  48 89 df                       mov rdi, rbx
    0032  e8 00 00 00 00                 call test_record
    ; ./test.go:11
    0037  48 c7 c3 fd ff ff ff           mov rbx, -3
    003e  48 89 1c 24                    mov qword ptr [rsp], rbx
    0042  e8 00 00 00 00                 call main.sum
    0047  48 8b 5c 24 08                 mov rbx, qword ptr [rsp + 8]
    004c  48 89 df                       mov rdi, rbx
    004f  e8 00 00 00 00                 call test_record
    0054  48 89 ec                       mov rsp, rbp
    0057  5d                             pop rbp
    0058  c3                             ret
.L2:
    ; ./test.go:1
    0059  49 c7 c2 18 00 00 00           mov r10, 24
    0060  49 c7 c3 00 00 00 00           mov r11, 0
    0067  e8 00 00 00 00                 call g1c_morestack
    006c  e9 8f ff ff ff                 jmp .L1

TEXT main.sum (./test.go:1)  size=121 frame=16 args=16
.L4:
    ; ./test.go:1
    0000  48 8d 44 24 e8                 lea rax, [rsp - 24]
    0005  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000c  0f 82 4f 00 00 00              jb .L5
    0012  55                             push rbp
    0013  48 89 e5                       mov rbp, rsp
    0016  48 83 ec 10                    sub rsp, 16
.L0:
    ; ./test.go:2
    001a  31 db                          xor ebx, ebx
    001c  48 89 5d f0                    mov qword ptr [rbp - 16], rbx
    ; ./test.go:3
    0020  48 89 5d f8                    mov qword ptr [rbp - 8], rbx
.L1:
    0024  48 8b 5d f8                    mov rbx, qword ptr [rbp - 8]
    0028  4c 8b 65 10                    mov r12, qword ptr [rbp + 16]
    002c  4c 39 e3                       cmp rbx, r12
    002f  0f 8d 1f 00 00 00              jge .L3
.L2:
    ; ./test.go:4
    0035  48 8b 5d f0                    mov rbx, qword ptr [rbp - 16]
    0039  4c 8b 65 f8                    mov r12, qword ptr [rbp - 8]
    003d  4c 01 e3                       add rbx, r12
    0040  48 89 5d f0                    mov qword ptr [rbp - 16], rbx
    ; ./test.go:3
    0044  4c 89 e3                       mov rbx, r12
    0047  48 83 c3 01                    add rbx, 1
    004b  48 89 5d f8                    mov qword ptr [rbp - 8], rbx
    004f  e9 d0 ff ff ff                 jmp .L1
.L3:
    ; ./test.go:6
    0054  48 8b 5d f0                    mov rbx, qword ptr [rbp - 16]
    0058  48 89 5d 18                    mov qword ptr [rbp + 24], rbx
    005c  48 89 ec                       mov rsp, rbp
    005f  5d                             pop rbp
    0060  c3                             ret
.L5:
    ; ./test.go:1
    0061  49 c7 c2 18 00 00 00           mov r10, 24
    0068  49 c7 c3 10 00 00 00           mov r11, 16
    006f  e8 00 00 00 00                 call g1c_morestack
    0074  e9 87 ff ff ff                 jmp .L4

