TEXT main.main (./test.go:1)  size=91 frame=16 args=0
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 e8                 lea rax, [rsp - 24]
    0005  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000c  0f 82 31 00 00 00              jb .L2
    0012  55                             push rbp
    0013  48 89 e5                       mov rbp, rsp
    0016  48 83 ec 10                    sub rsp, 16
.L0:
    ; ./test.go:8
    001a  48 8d 1d 00 00 00 00           lea rbx, [rip + main.main.func1·f]
    0021  49 c7 c4 05 00 00 00           mov r12, 5
    0028  4c 89 24 24                    mov qword ptr [rsp], r12
    002c  48 89 da                       mov rdx, rbx
    002f  ff 12                          call qword ptr [rdx]
    0031  48 8b 5c 24 08                 mov rbx, qword ptr [rsp + 8]
    0036  48 89 df                       mov rdi, rbx
    0039  e8 00 00 00 00                 call test_record
    003e  48 89 ec                       mov rsp, rbp
    0041  5d                             pop rbp
    0042  c3                             ret
.L2:
    ; ./test.go:1
    0043  49 c7 c2 18 00 00 00           mov r10, 24
    004a  49 c7 c3 00 00 00 00           mov r11, 0
    0051  e8 00 00 00 00                 call g1c_morestack
    0056  e9 a5 ff ff ff                 jmp .L1

TEXT main.main.func1 (./test.go:1)  size=81 frame=16 args=16
.L1:
    ; ./test.go:1
    0000  48 8d 44 24 e8                 lea rax, [rsp - 24]
    0005  48 3b 05 00 00 00 00           cmp rax, qword ptr [rip + g1c_stackguard]
    000c  0f 82 27 00 00 00              jb .L2
    0012  55                             push rbp
    0013  48 89 e5                       mov rbp, rsp
    0016  48 83 ec 10                    sub rsp, 16
    001a  48 89 55 f8                    mov qword ptr [rbp - 8], rdx
.L0:
    ; ./test.go:5
    001e  48 8b 45 f8                    mov rax, qword ptr [rbp - 8]
    0022  48 89 c3                       mov rbx, rax
    0025  48 8b 5b 08                    mov rbx, qword ptr [rbx + 8]
    0029  4c 8b 65 10                    mov r12, qword ptr [rbp + 16]
    002d  4c 01 e3                       add rbx, r12
    0030  48 89 5d 18                    mov qword ptr [rbp + 24], rbx
    0034  48 89 ec                       mov rsp, rbp
    0037  5d                             pop rbp
    0038  c3                             ret
.L2:
    ; ./test.go:1
    0039  49 c7 c2 18 00 00 00           mov r10, 24
    0040  49 c7 c3 10 00 00 00           mov r11, 16
    0047  e8 00 00 00 00                 call g1c_morestack
    004c  e9 af ff ff ff                 jmp .L1

RODATA main.main.func1·f  size=16 align=8
    +0: &main.main.func1+0
