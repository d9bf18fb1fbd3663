package content
import ("context";"os";"testing";"fmt";"strings")
func TestTmpDump(t *testing.T){
 dir:=os.Getenv("DIR")
 lib,_:=Load(context.Background(),os.DirFS(dir),Options{})
 n:=0
 for _,a:=range lib.Articles{
   if strings.Contains(string(a.HTML),"<dl>"){n++; if n<4 {fmt.Println("DL:",a.SourcePath)}}
   if a.SourcePath==os.Getenv("ART"){fmt.Println(a.HTML)}
 }
 fmt.Println("dl articles",n)
}
